export default function HomePage() {
  return (
    <main>
      <h1>Garage</h1>
      <p>Customers, vehicles and the cache behind them. The screens arrive with the web issue.</p>
    </main>
  );
}

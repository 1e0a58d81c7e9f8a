export { findBinary } from './binaries';
export { freePort, waitFor } from './free-port';
export { createDatabase, type PostgresServer, startPostgres } from './postgres-server';
export {
  type RedisClusterServer,
  type RedisServer,
  startRedis,
  startRedisCluster,
} from './redis-server';
export { startTcpProxy, type TcpProxy } from './tcp-proxy';

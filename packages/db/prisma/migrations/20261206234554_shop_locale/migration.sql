-- How the shop writes and reads money and numbers (BCP 47), beside its currency.
ALTER TABLE "ShopSettings" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-US';

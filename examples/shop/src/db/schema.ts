import { pgTable, serial, text, varchar, integer, bigint, timestamp, boolean, pgEnum, index, primaryKey, smallint, uniqueIndex } from 'drizzle-orm/pg-core';

export const orderStatus = pgEnum('order_status', ['pending', 'paid', 'shipped', 'delivered', 'cancelled']);

export const customers = pgTable('customers', {
  id: serial('id').primaryKey(),
  email: varchar('email', { length: 255 }).notNull().unique(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  createdAt: timestamp('created_at').notNull().defaultNow(),
});

export const products = pgTable('products', {
  id: serial('id').primaryKey(),
  sku: text('sku').notNull().unique(),
  name: text('name').notNull(),
  priceCents: integer('price_cents').notNull(),
  active: boolean('active').notNull().default(true),
});

export const coupons = pgTable('coupons', {
  id: serial('id').primaryKey(),
  code: varchar('code', { length: 32 }).notNull().unique(),
  percentOff: integer('percent_off').notNull(),
});

export const orders = pgTable('orders', {
  id: serial('id').primaryKey(),
  customerId: integer('customer_id').notNull().references(() => customers.id),
  status: orderStatus('status').notNull().default('pending'),
  totalCents: bigint('total_cents', { mode: 'number' }).notNull().default(0),
  notes: text('notes'),
  couponId: integer('coupon_id').references(() => coupons.id),
  createdAt: timestamp('created_at').notNull().defaultNow(),
}, (t) => [index('orders_customer_id_idx').on(t.customerId), index('orders_status_idx').on(t.status)]);

export const orderItems = pgTable('order_items', {
  orderId: integer('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
  lineNo: integer('line_no').notNull(),
  productId: integer('product_id').notNull().references(() => products.id),
  quantity: integer('quantity').notNull(),
}, (t) => [primaryKey({ columns: [t.orderId, t.lineNo] }), index('order_items_product_id_idx').on(t.productId)]);

export const reviews = pgTable('reviews', {
  id: serial('id').primaryKey(),
  productId: integer('product_id').notNull().references(() => products.id),
  customerId: integer('customer_id').notNull().references(() => customers.id),
  rating: smallint('rating').notNull(),
  body: text('body'),
  createdAt: timestamp('created_at').notNull().defaultNow(),
}, (t) => [index('reviews_product_id_idx').on(t.productId), uniqueIndex('reviews_customer_product_idx').on(t.customerId, t.productId)]);

-- Customers known to the tenant (loyalty, receipts by e-mail, accounts).
CREATE TABLE customers (
    customer_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text          NOT NULL,
    email          text,
    phone          text,
    loyalty_points integer       NOT NULL DEFAULT 0,
    account_limit  numeric(12,2) NOT NULL DEFAULT 0,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT customers_points_not_negative CHECK (loyalty_points >= 0),
    CONSTRAINT customers_limit_not_negative CHECK (account_limit >= 0)
);
CREATE UNIQUE INDEX customers_email_key ON customers (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX customers_phone_idx ON customers (phone) WHERE phone IS NOT NULL;

CREATE TRIGGER customers_touch_updated_at BEFORE UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- The catalog: a tree of categories and the products sold.
CREATE TABLE categories (
    category_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id   bigint REFERENCES categories (category_id),
    name        text    NOT NULL,
    sort_order  integer NOT NULL DEFAULT 0,
    CONSTRAINT categories_not_own_parent CHECK (parent_id IS DISTINCT FROM category_id)
);
CREATE UNIQUE INDEX categories_parent_name_key ON categories (coalesce(parent_id, 0), lower(name));

CREATE TABLE products (
    product_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         text          NOT NULL,
    barcode     text,
    name        text          NOT NULL,
    category_id bigint        REFERENCES categories (category_id),
    unit_price  numeric(12,2) NOT NULL,
    tax_rate    numeric(5,4)  NOT NULL DEFAULT 0,
    track_stock boolean       NOT NULL DEFAULT true,
    active      boolean       NOT NULL DEFAULT true,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT products_sku_key UNIQUE (sku),
    CONSTRAINT products_price_not_negative CHECK (unit_price >= 0),
    CONSTRAINT products_tax_rate_range CHECK (tax_rate >= 0 AND tax_rate < 1)
);
CREATE UNIQUE INDEX products_barcode_key ON products (barcode) WHERE barcode IS NOT NULL;
CREATE INDEX products_category_idx ON products (category_id);

-- Dollar-quoted body: variable substitution is off, so $body$ reaches the server unchanged.
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$body$;

CREATE TRIGGER products_touch_updated_at BEFORE UPDATE ON products
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

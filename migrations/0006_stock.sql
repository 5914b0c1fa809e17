-- Stock on hand per outlet and product, kept up to date by the movements that change it.
CREATE TABLE stock_levels (
    outlet_id     bigint        NOT NULL REFERENCES outlets (outlet_id),
    product_id    bigint        NOT NULL REFERENCES products (product_id),
    on_hand       numeric(12,3) NOT NULL DEFAULT 0,
    reorder_level numeric(12,3) NOT NULL DEFAULT 0,
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (outlet_id, product_id),
    CONSTRAINT stock_levels_reorder_not_negative CHECK (reorder_level >= 0)
);
CREATE INDEX stock_levels_product_idx ON stock_levels (product_id);

CREATE TABLE stock_movements (
    movement_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outlet_id      bigint        NOT NULL REFERENCES outlets (outlet_id),
    product_id     bigint        NOT NULL REFERENCES products (product_id),
    quantity_delta numeric(12,3) NOT NULL,
    reason         text          NOT NULL,
    sale_id        bigint        REFERENCES sales (sale_id),
    staff_id       bigint        REFERENCES staff (staff_id),
    occurred_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT stock_movements_reason_known CHECK (reason IN ('sale', 'refund', 'receipt', 'adjustment', 'transfer')),
    CONSTRAINT stock_movements_sale_reason CHECK ((reason IN ('sale', 'refund')) = (sale_id IS NOT NULL)),
    CONSTRAINT stock_movements_delta_not_zero CHECK (quantity_delta <> 0)
);
CREATE INDEX stock_movements_product_time_idx ON stock_movements (product_id, occurred_at);
CREATE INDEX stock_movements_outlet_time_idx ON stock_movements (outlet_id, occurred_at);
CREATE INDEX stock_movements_sale_idx ON stock_movements (sale_id) WHERE sale_id IS NOT NULL;

CREATE FUNCTION apply_stock_movement() RETURNS trigger LANGUAGE plpgsql AS $apply$
BEGIN
    INSERT INTO stock_levels AS level (outlet_id, product_id, on_hand)
    VALUES (NEW.outlet_id, NEW.product_id, NEW.quantity_delta)
    ON CONFLICT (outlet_id, product_id)
    DO UPDATE SET on_hand = level.on_hand + EXCLUDED.on_hand, updated_at = now();
    RETURN NEW;
END
$apply$;

CREATE TRIGGER stock_movements_apply AFTER INSERT ON stock_movements
    FOR EACH ROW EXECUTE FUNCTION apply_stock_movement();

-- Sales rung up at a register: their lines and the payments that settle them.
CREATE TABLE sales (
    sale_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outlet_id      bigint        NOT NULL REFERENCES outlets (outlet_id),
    register_id    bigint        NOT NULL REFERENCES registers (register_id),
    staff_id       bigint        NOT NULL REFERENCES staff (staff_id),
    customer_id    bigint        REFERENCES customers (customer_id),
    receipt_number text          NOT NULL,
    status         text          NOT NULL DEFAULT 'open',
    subtotal       numeric(12,2) NOT NULL DEFAULT 0,
    tax_total      numeric(12,2) NOT NULL DEFAULT 0,
    total          numeric(12,2) NOT NULL DEFAULT 0,
    opened_at      timestamptz   NOT NULL DEFAULT now(),
    completed_at   timestamptz,
    CONSTRAINT sales_outlet_receipt_key UNIQUE (outlet_id, receipt_number),
    CONSTRAINT sales_status_known CHECK (status IN ('open', 'completed', 'voided', 'refunded')),
    CONSTRAINT sales_completed_has_time CHECK (status = 'open' OR completed_at IS NOT NULL)
);
CREATE INDEX sales_outlet_completed_idx ON sales (outlet_id, completed_at);
CREATE INDEX sales_register_idx ON sales (register_id);
CREATE INDEX sales_staff_idx ON sales (staff_id);

CREATE TABLE sale_lines (
    sale_id    bigint        NOT NULL REFERENCES sales (sale_id) ON DELETE CASCADE,
    line_no    integer       NOT NULL,
    product_id bigint        NOT NULL REFERENCES products (product_id),
    quantity   numeric(12,3) NOT NULL,
    unit_price numeric(12,2) NOT NULL,
    discount   numeric(12,2) NOT NULL DEFAULT 0,
    tax        numeric(12,2) NOT NULL DEFAULT 0,
    line_total numeric(12,2) NOT NULL,
    PRIMARY KEY (sale_id, line_no),
    CONSTRAINT sale_lines_quantity_not_zero CHECK (quantity <> 0),
    CONSTRAINT sale_lines_discount_not_negative CHECK (discount >= 0)
);
CREATE INDEX sale_lines_product_idx ON sale_lines (product_id);

CREATE TABLE payments (
    payment_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sale_id    bigint        NOT NULL REFERENCES sales (sale_id),
    method     text          NOT NULL,
    amount     numeric(12,2) NOT NULL,
    reference  text,
    paid_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT payments_method_known CHECK (method IN ('cash', 'card', 'voucher', 'account')),
    CONSTRAINT payments_amount_not_zero CHECK (amount <> 0)
);
CREATE INDEX payments_sale_idx ON payments (sale_id);

-- Staff who sign in at registers, and the outlets each may work at.
CREATE TABLE staff (
    staff_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text        NOT NULL,
    display_name text        NOT NULL,
    role         text        NOT NULL DEFAULT 'cashier',
    pin_hash     text,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT staff_role_known CHECK (role IN ('cashier', 'supervisor', 'manager', 'owner'))
);
CREATE UNIQUE INDEX staff_email_key ON staff (lower(email));

CREATE TABLE staff_outlets (
    staff_id  bigint NOT NULL REFERENCES staff (staff_id) ON DELETE CASCADE,
    outlet_id bigint NOT NULL REFERENCES outlets (outlet_id),
    PRIMARY KEY (staff_id, outlet_id)
);
CREATE INDEX staff_outlets_outlet_idx ON staff_outlets (outlet_id);

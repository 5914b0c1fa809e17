-- Outlets (shops) of the tenant and the registers (tills) in each.
CREATE TABLE outlets (
    outlet_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text        NOT NULL,
    name        text        NOT NULL,
    time_zone   text        NOT NULL DEFAULT 'UTC',
    address     text,
    opened_on   date,
    closed_on   date,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT outlets_code_key UNIQUE (code),
    CONSTRAINT outlets_code_format CHECK (code ~ '^[A-Z0-9-]{1,16}$'),
    CONSTRAINT outlets_closed_after_opened CHECK (closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on)
);

CREATE TABLE registers (
    register_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outlet_id   bigint      NOT NULL REFERENCES outlets (outlet_id),
    code        text        NOT NULL,
    name        text        NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT registers_outlet_code_key UNIQUE (outlet_id, code)
);

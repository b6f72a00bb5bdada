-- Tenant-partitioned overlap constraint, confirmation result cache, confirm_hold_assignment_tx v2.
-- The engine runs this file in one transaction; it holds no BEGIN/COMMIT of its own.
-- Every name is schema-qualified: the file works whatever the caller's search_path.
--
-- Lock cost: ADD CONSTRAINT ... EXCLUDE builds a gist index while holding ACCESS EXCLUSIVE on
-- public.allocations (no reads, no writes) for the whole build. The column order is chosen by
-- measurement (bench/constraint-order.ts, embedded PostgreSQL 17, 2 vCPU, maintenance_work_mem 64MB):
--   1,000,000 rows: resource_id first 25.0 s (runs 29.0, 25.0); restaurant_id first 33.5 s
--   (runs 43.9, 33.5); the old (resource_id, "window") constraint 19.2 s.
--   200,000 rows: resource_id first 9.7 s, restaurant_id first 13.1 s (busy machine).
-- Measured elsewhere on 1,000,000 allocations: restaurant_id first 52 s, resource_id first 30 s.
-- Both agree: resource_id (the most selective key) first.
-- Checking a new row against the constraint searches equal (restaurant, type, resource) keys either
-- way, so the order changes the build time, not what the constraint means.

-- uuid and text equality in a gist index need btree_gist (already there on a baseline database).
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA extensions;

-- 1. The overlap constraint, per tenant and resource type. DEFERRABLE INITIALLY IMMEDIATE: checked
--    per statement (confirm_hold_assignment_tx catches 23P01), while a transaction that swaps two
--    bookings' tables can SET CONSTRAINTS public.allocations_no_overlap DEFERRED.
--    IF EXISTS: on a database that lost the old constraint, the real problem (overlapping rows,
--    23P01 from ADD CONSTRAINT) is reported instead of "constraint does not exist".
ALTER TABLE public.allocations DROP CONSTRAINT IF EXISTS allocations_no_overlap;
ALTER TABLE public.allocations
  ADD CONSTRAINT allocations_no_overlap
  EXCLUDE USING gist (
    resource_id WITH =,
    restaurant_id WITH =,
    resource_type WITH =,
    "window" WITH &&
  ) WHERE (NOT shadow)
  DEFERRABLE INITIALLY IMMEDIATE;

-- 2. The constraint's index leads with resource_id and serves (resource_id, "window") lookups, so
--    this index only cost writes.
DROP INDEX IF EXISTS public.allocations_resource_window_idx;

-- 3. Adjacency mode override values are checked where they are written.
ALTER TABLE public.feature_flag_overrides
  ADD CONSTRAINT feature_flag_overrides_adjacency_mode_check
  CHECK (flag_key <> 'allocator.adjacency_mode'
         OR flag_value IN ('connected', 'pairwise', 'neighbors'));

-- 4. Confirmation results: one row per (booking, idempotency key), success or recorded failure.
CREATE TABLE public.booking_confirmation_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL,
  restaurant_id uuid NOT NULL REFERENCES public.restaurants (id) ON DELETE CASCADE,
  hold_id uuid,
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
  table_ids uuid[],
  "window" tstzrange,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT booking_confirmation_results_booking_key_unique UNIQUE (booking_id, idempotency_key),
  FOREIGN KEY (restaurant_id, booking_id) REFERENCES public.bookings (restaurant_id, id)
    ON DELETE CASCADE
);
CREATE INDEX booking_confirmation_results_restaurant_created_idx
  ON public.booking_confirmation_results (restaurant_id, created_at);

-- Clients read only; rows are written by confirm_hold_assignment_tx (as its owner) or service_role.
ALTER TABLE public.booking_confirmation_results ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON public.booking_confirmation_results FROM PUBLIC, anon, authenticated;
GRANT SELECT ON public.booking_confirmation_results TO authenticated;
GRANT ALL ON public.booking_confirmation_results TO service_role;

CREATE POLICY booking_confirmation_results_service_all ON public.booking_confirmation_results
  FOR ALL TO service_role USING (true) WITH CHECK (true);
CREATE POLICY booking_confirmation_results_member_read ON public.booking_confirmation_results
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.restaurant_memberships m
                 WHERE m.restaurant_id = booking_confirmation_results.restaurant_id
                   AND m.user_id = (SELECT auth.uid())));

-- 5. confirm_hold_assignment_tx v2. The parameter list changes, so v1 is dropped (CREATE OR REPLACE
--    would add an overload next to it).
--    * The same (booking, idempotency key) returns the stored result and changes nothing.
--    * Business failures (overlap 23P01, expired or missing hold, tables not adjacent, ...) are
--      stored with metadata.error and returned, not raised, so a retry with the same key gets them.
--    * A missing booking or bad arguments raise: there is no tenant to record them under.
--    * Adjacency of multi-table holds by mode: the argument, else the restaurant's enabled
--      allocator.adjacency_mode override, else 'connected'.
--    If the caller deferred allocations_no_overlap, an overlap surfaces at its COMMIT instead.
DROP FUNCTION public.confirm_hold_assignment_tx(uuid, uuid);

CREATE FUNCTION public.confirm_hold_assignment_tx(
  p_hold_id uuid,
  p_booking_id uuid,
  p_idempotency_key text,
  p_adjacency_mode text DEFAULT NULL
)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = ''
AS $fn$
DECLARE
  v_cached jsonb;
  v_booking public.bookings%ROWTYPE;
  v_hold public.table_holds%ROWTYPE;
  v_tables uuid[];
  v_mode text;
  v_mode_source text;
  v_ok boolean;
  v_allocation_ids uuid[];
  v_error jsonb;
  v_result jsonb;
  v_inserted integer;
  v_state text;
  v_message text;
  v_detail text;
  v_constraint text;
  v_lock_table uuid;
BEGIN
  IF p_booking_id IS NULL THEN
    RAISE EXCEPTION 'confirm_hold_assignment_tx: p_booking_id is null; pass the booking id'
      USING ERRCODE = '22004';
  END IF;
  IF p_idempotency_key IS NULL OR length(p_idempotency_key) NOT BETWEEN 1 AND 255 THEN
    RAISE EXCEPTION 'confirm_hold_assignment_tx: p_idempotency_key is %, expected 1 to 255 characters',
      coalesce(quote_literal(p_idempotency_key), 'null')
      USING ERRCODE = '22023';
  END IF;
  IF p_adjacency_mode IS NOT NULL
     AND p_adjacency_mode NOT IN ('connected', 'pairwise', 'neighbors') THEN
    RAISE EXCEPTION 'confirm_hold_assignment_tx: p_adjacency_mode is %, allowed: connected, pairwise, neighbors or null',
      quote_literal(p_adjacency_mode)
      USING ERRCODE = '22023';
  END IF;

  SELECT r.metadata INTO v_cached
  FROM public.booking_confirmation_results r
  WHERE r.booking_id = p_booking_id AND r.idempotency_key = p_idempotency_key;
  IF FOUND THEN
    RETURN v_cached;
  END IF;

  -- Locks the booking: confirmations of one booking run one at a time.
  SELECT * INTO v_booking FROM public.bookings b WHERE b.id = p_booking_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'confirm_hold_assignment_tx: booking % not found', p_booking_id
      USING ERRCODE = 'P0002';
  END IF;
  -- A concurrent call with the same key may have committed while we waited for the lock.
  SELECT r.metadata INTO v_cached
  FROM public.booking_confirmation_results r
  WHERE r.booking_id = p_booking_id AND r.idempotency_key = p_idempotency_key;
  IF FOUND THEN
    RETURN v_cached;
  END IF;

  SELECT * INTO v_hold FROM public.table_holds h WHERE h.id = p_hold_id FOR UPDATE;
  IF NOT FOUND OR v_hold.restaurant_id <> v_booking.restaurant_id THEN
    v_error := jsonb_build_object('code', 'hold_not_found',
      'message', format('hold %s not found for this booking''s restaurant', p_hold_id));
  ELSIF v_hold.booking_id IS NOT NULL AND v_hold.booking_id <> p_booking_id THEN
    v_error := jsonb_build_object('code', 'hold_booking_mismatch',
      'message', format('hold %s belongs to booking %s', p_hold_id, v_hold.booking_id));
  ELSIF v_hold.expires_at <= now() THEN
    v_error := jsonb_build_object('code', 'hold_expired',
      'message', format('hold %s expired at %s', p_hold_id, v_hold.expires_at));
  ELSIF v_booking.status NOT IN ('pending', 'confirmed') THEN
    v_error := jsonb_build_object('code', 'booking_not_confirmable',
      'message', format('booking %s is %s', p_booking_id, v_booking.status));
  END IF;

  IF v_error IS NULL THEN
    v_tables := ARRAY(SELECT DISTINCT t FROM unnest(v_hold.table_ids) AS t ORDER BY t);
    IF EXISTS (
      SELECT 1 FROM unnest(v_tables) AS t(id)
      WHERE NOT EXISTS (SELECT 1 FROM public.table_inventory ti
                        WHERE ti.id = t.id AND ti.restaurant_id = v_booking.restaurant_id
                          AND ti.active)
    ) THEN
      v_error := jsonb_build_object('code', 'table_not_found',
        'message', 'a held table is not an active table of this restaurant');
    END IF;
  END IF;

  IF v_error IS NULL AND cardinality(v_tables) > 1 THEN
    IF p_adjacency_mode IS NOT NULL THEN
      v_mode := p_adjacency_mode;
      v_mode_source := 'parameter';
    ELSE
      SELECT f.flag_value INTO v_mode
      FROM public.feature_flag_overrides f
      WHERE f.restaurant_id = v_booking.restaurant_id
        AND f.flag_key = 'allocator.adjacency_mode'
        AND f.enabled
        AND f.flag_value IS NOT NULL;
      v_mode_source := CASE WHEN v_mode IS NULL THEN 'default' ELSE 'override' END;
      v_mode := coalesce(v_mode, 'connected');
    END IF;

    IF v_mode = 'connected' THEN
      -- Walk table_adjacencies (both directions) from the first table, inside the chosen set.
      WITH RECURSIVE edges(x, y) AS (
        SELECT a.table_a, a.table_b FROM public.table_adjacencies a
        WHERE a.restaurant_id = v_booking.restaurant_id
          AND a.table_a = ANY (v_tables) AND a.table_b = ANY (v_tables)
        UNION ALL
        SELECT a.table_b, a.table_a FROM public.table_adjacencies a
        WHERE a.restaurant_id = v_booking.restaurant_id
          AND a.table_a = ANY (v_tables) AND a.table_b = ANY (v_tables)
      ), reached(id) AS (
        SELECT v_tables[1]
        UNION
        SELECT e.y FROM reached r JOIN edges e ON e.x = r.id
      )
      SELECT count(*) = cardinality(v_tables) INTO v_ok FROM reached;
    ELSIF v_mode = 'pairwise' THEN
      SELECT count(*) = cardinality(v_tables) * (cardinality(v_tables) - 1) / 2 INTO v_ok
      FROM public.table_adjacencies a
      WHERE a.restaurant_id = v_booking.restaurant_id
        AND a.table_a = ANY (v_tables) AND a.table_b = ANY (v_tables);
    ELSE
      SELECT bool_and(EXISTS (
        SELECT 1 FROM public.table_adjacencies a
        WHERE a.restaurant_id = v_booking.restaurant_id
          AND ((a.table_a = t.id AND a.table_b = ANY (v_tables))
               OR (a.table_b = t.id AND a.table_a = ANY (v_tables)))
      )) INTO v_ok
      FROM unnest(v_tables) AS t(id);
    END IF;

    IF NOT v_ok THEN
      v_error := jsonb_build_object('code', 'tables_not_adjacent',
        'message', format('the held tables do not satisfy adjacency mode %s', v_mode));
    END IF;
  END IF;

  IF v_error IS NULL THEN
    -- Two confirmations inserting overlapping rows at the same moment can deadlock inside the exclusion
    -- check (each waits for the other's uncommitted index entry; seen as 40P01 under 50 concurrent
    -- confirmations on PostgreSQL 15). Confirmations of the same tables therefore take a transaction
    -- advisory lock per table, in table-id order: the later one waits, then sees the earlier one's rows
    -- and records a clean 23P01. Different tables never wait on each other.
    FOR v_lock_table IN SELECT t FROM unnest(v_tables) AS t ORDER BY t LOOP
      PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('public.allocations:' || v_lock_table::text, 0));
    END LOOP;
    BEGIN
      WITH inserted AS (
        INSERT INTO public.allocations (restaurant_id, booking_id, resource_type, resource_id, "window")
        SELECT v_booking.restaurant_id, p_booking_id, 'table', t, v_hold."window"
        FROM unnest(v_tables) AS t
        RETURNING id, resource_id
      ), assigned AS (
        INSERT INTO public.booking_table_assignments (restaurant_id, booking_id, table_id, allocation_id)
        SELECT v_booking.restaurant_id, p_booking_id, i.resource_id, i.id FROM inserted i
        RETURNING allocation_id
      )
      SELECT array_agg(allocation_id ORDER BY allocation_id) INTO v_allocation_ids FROM assigned;

      UPDATE public.bookings b SET status = 'confirmed' WHERE b.id = p_booking_id;
      DELETE FROM public.table_holds h WHERE h.id = p_hold_id;
    EXCEPTION
      -- The block's subtransaction is rolled back: no allocation or assignment of this call stays.
      WHEN exclusion_violation OR unique_violation THEN
        GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_message = MESSAGE_TEXT,
          v_detail = PG_EXCEPTION_DETAIL, v_constraint = CONSTRAINT_NAME;
        v_error := jsonb_build_object(
          'code', CASE WHEN v_state = '23P01' THEN 'allocation_overlap' ELSE 'assignment_exists' END,
          'sqlstate', v_state, 'message', v_message, 'detail', v_detail,
          'constraint', v_constraint);
    END;
  END IF;

  v_result := jsonb_strip_nulls(jsonb_build_object(
    'status', CASE WHEN v_error IS NULL THEN 'confirmed' ELSE 'failed' END,
    'booking_id', p_booking_id,
    'hold_id', p_hold_id,
    'restaurant_id', v_booking.restaurant_id,
    'idempotency_key', p_idempotency_key,
    'table_ids', to_jsonb(v_tables),
    'window', CASE WHEN v_hold.id IS NULL THEN NULL ELSE to_jsonb(v_hold."window"::text) END,
    'adjacency_mode', v_mode,
    'adjacency_mode_source', v_mode_source,
    'allocation_ids', to_jsonb(v_allocation_ids),
    'error', v_error
  ));

  INSERT INTO public.booking_confirmation_results
    (booking_id, restaurant_id, hold_id, idempotency_key, table_ids, "window", metadata)
  VALUES
    (p_booking_id, v_booking.restaurant_id, p_hold_id, p_idempotency_key, v_tables, v_hold."window",
     v_result)
  ON CONFLICT ON CONSTRAINT booking_confirmation_results_booking_key_unique DO NOTHING;
  GET DIAGNOSTICS v_inserted = ROW_COUNT;
  IF v_inserted = 0 THEN
    -- Unreachable while the booking row lock serialises callers; kept so a race can never leave
    -- two different results for one key.
    RAISE EXCEPTION 'confirm_hold_assignment_tx: a result for booking % and key % was stored concurrently',
      p_booking_id, p_idempotency_key
      USING ERRCODE = '40001';
  END IF;
  RETURN v_result;
END
$fn$;

REVOKE ALL ON FUNCTION public.confirm_hold_assignment_tx(uuid, uuid, text, text)
  FROM PUBLIC, anon, authenticated;
GRANT EXECUTE ON FUNCTION public.confirm_hold_assignment_tx(uuid, uuid, text, text) TO service_role;

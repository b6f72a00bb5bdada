/**
 * Stand-in for pg_jsonschema 0.3.3 (the version supabase/postgres builds; `supabase db pull` writes `CREATE EXTENSION
 * IF NOT EXISTS "pg_jsonschema" WITH SCHEMA "extensions"`), with the real signatures: json_matches_schema(schema json,
 * instance json), jsonb_matches_schema(schema json, instance jsonb), jsonschema_is_valid(schema json) and
 * jsonschema_validation_errors(schema json, instance json) returning text[], all IMMUTABLE STRICT PARALLEL SAFE, so
 * CHECK (jsonb_matches_schema('{...}', col)) constraints are created and enforced.
 *
 * It validates, in PL/pgSQL and recursively, a part of JSON Schema (draft 7, as the real one's jsonschema crate
 * defaults to): type (one or a list; integer is a number without a fraction), enum, const, required, properties,
 * patternProperties, additionalProperties (false or a schema), items (a schema or a tuple), additionalItems,
 * minItems, maxItems, uniqueItems, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength,
 * maxLength (characters), pattern (PostgreSQL's regular expressions), minProperties, maxProperties, allOf, anyOf,
 * oneOf, not, and boolean schemas. Other keywords are ignored, as JSON Schema ignores unknown ones: format,
 * $ref (the schema it is in is not checked at all, as draft 7 ignores a $ref's siblings), definitions, if/then/else,
 * contains, dependencies, propertyNames, contentMediaType... So a value the real one rejects may pass here; the reverse
 * only where PostgreSQL's regular expressions read a pattern otherwise than ECMA 262 does (a pattern PostgreSQL cannot
 * compile is ignored). Errors read as the real one's (jsonschema-rs), in keyword order; a schema with a malformed
 * checked keyword is invalid: the match functions then fail with 'Invalid schema', as the real one's do.
 */
export const PG_JSONSCHEMA_VERSION = '0.3.3'

export const PG_JSONSCHEMA_SQL = String.raw`
-- A value as jsonschema-rs prints it in its messages (serde_json's compact form).
CREATE FUNCTION @extschema@._jsonschema_show(v jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN CASE pg_catalog.jsonb_typeof(v)
    WHEN 'array' THEN
      '[' || coalesce((SELECT pg_catalog.string_agg(@extschema@._jsonschema_show(e), ',' ORDER BY o)
                         FROM pg_catalog.jsonb_array_elements(v) WITH ORDINALITY AS a(e, o)), '') || ']'
    WHEN 'object' THEN
      '{' || coalesce((SELECT pg_catalog.string_agg(pg_catalog.to_jsonb(k)::text || ':' || @extschema@._jsonschema_show(x),
                                                     ',' ORDER BY k COLLATE "C")
                         FROM pg_catalog.jsonb_each(v) AS e(k, x)), '') || '}'
    ELSE v::text
  END;
END
$$;

-- Whether str matches pattern; NULL when PostgreSQL cannot compile the pattern (the keyword is then not checked).
CREATE FUNCTION @extschema@._jsonschema_regex(str text, pattern text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN str ~ pattern;
EXCEPTION WHEN invalid_regular_expression THEN
  RETURN NULL;
END
$$;

-- The first problem of a schema with the keywords this stand-in checks, or NULL.
CREATE FUNCTION @extschema@._jsonschema_problem(schema jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  kw text;
  val jsonb;
  sub jsonb;
  problem text;
  kind text;
  types constant text[] := ARRAY['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
BEGIN
  kind := pg_catalog.jsonb_typeof(schema);
  IF kind = 'boolean' THEN
    RETURN NULL;
  ELSIF kind <> 'object' THEN
    RETURN @extschema@._jsonschema_show(schema) || ' is not of types "boolean", "object"';
  ELSIF schema ? '$ref' THEN
    RETURN NULL;
  END IF;
  FOR kw, val IN SELECT e.k, e.v FROM pg_catalog.jsonb_each(schema) AS e(k, v) ORDER BY e.k COLLATE "C" LOOP
    kind := pg_catalog.jsonb_typeof(val);
    problem := NULL;
    IF kw = 'type' THEN
      IF kind = 'string' THEN
        IF NOT (val #>> '{}') = ANY (types) THEN
          problem := @extschema@._jsonschema_show(val) || ' is not valid under any of the given schemas';
        END IF;
      ELSIF kind <> 'array' OR pg_catalog.jsonb_array_length(val) = 0 OR EXISTS (
          SELECT 1 FROM pg_catalog.jsonb_array_elements(val) AS t(x)
           WHERE pg_catalog.jsonb_typeof(x) <> 'string' OR NOT (x #>> '{}') = ANY (types)) THEN
        problem := @extschema@._jsonschema_show(val) || ' is not valid under any of the given schemas';
      END IF;
    ELSIF kw IN ('enum', 'required') THEN
      IF kind <> 'array' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "array"';
      ELSIF kw = 'required' AND EXISTS (
          SELECT 1 FROM pg_catalog.jsonb_array_elements(val) AS r(x) WHERE pg_catalog.jsonb_typeof(x) <> 'string') THEN
        problem := @extschema@._jsonschema_show(val) || ' is not valid: required takes property names';
      END IF;
    ELSIF kw IN ('properties', 'patternProperties') THEN
      IF kind <> 'object' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "object"';
      ELSE
        FOR sub IN SELECT e.v FROM pg_catalog.jsonb_each(val) AS e(k, v) ORDER BY e.k COLLATE "C" LOOP
          problem := @extschema@._jsonschema_problem(sub);
          EXIT WHEN problem IS NOT NULL;
        END LOOP;
      END IF;
    ELSIF kw IN ('additionalProperties', 'additionalItems', 'not') OR (kw = 'items' AND kind <> 'array') THEN
      problem := @extschema@._jsonschema_problem(val);
    ELSIF kw IN ('items', 'allOf', 'anyOf', 'oneOf') THEN
      IF kind <> 'array' OR (kw <> 'items' AND pg_catalog.jsonb_array_length(val) = 0) THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "array" or has less than 1 item';
      ELSE
        FOR sub IN SELECT a.v FROM pg_catalog.jsonb_array_elements(val) WITH ORDINALITY AS a(v, o) ORDER BY a.o LOOP
          problem := @extschema@._jsonschema_problem(sub);
          EXIT WHEN problem IS NOT NULL;
        END LOOP;
      END IF;
    ELSIF kw IN ('minimum', 'maximum') THEN
      IF kind <> 'number' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "number"';
      END IF;
    ELSIF kw IN ('exclusiveMinimum', 'exclusiveMaximum') THEN
      -- A boolean is draft 4's form of the exclusive bounds.
      IF kind NOT IN ('number', 'boolean') THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "number"';
      END IF;
    ELSIF kw = 'multipleOf' THEN
      IF kind <> 'number' OR (val #>> '{}')::numeric <= 0 THEN
        problem := @extschema@._jsonschema_show(val) || ' is not a number greater than 0';
      END IF;
    ELSIF kw IN ('minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties') THEN
      IF kind <> 'number' OR (val #>> '{}')::numeric < 0
         OR (val #>> '{}')::numeric <> pg_catalog.trunc((val #>> '{}')::numeric) THEN
        problem := @extschema@._jsonschema_show(val) || ' is not a non-negative integer';
      END IF;
    ELSIF kw = 'pattern' THEN
      IF kind <> 'string' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "string"';
      END IF;
    ELSIF kw = 'uniqueItems' THEN
      IF kind <> 'boolean' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "boolean"';
      END IF;
    END IF;
    IF problem IS NOT NULL THEN
      RETURN problem;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE FUNCTION @extschema@._jsonschema_has_type(instance jsonb, type_name text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE type_name
    WHEN 'integer' THEN pg_catalog.jsonb_typeof(instance) = 'number'
                        AND (instance #>> '{}')::numeric = pg_catalog.trunc((instance #>> '{}')::numeric)
    ELSE pg_catalog.jsonb_typeof(instance) = type_name
       OR (type_name = 'number' AND pg_catalog.jsonb_typeof(instance) = 'number')
  END
$$;

-- Every error of instance under schema (a valid one), as jsonschema-rs words them, in keyword order.
CREATE FUNCTION @extschema@._jsonschema_errors(schema jsonb, instance jsonb) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  errors text[] := '{}';
  kw text;
  val jsonb;
  kind text := pg_catalog.jsonb_typeof(instance);
  num numeric;
  limit_value numeric;
  str text;
  n integer;
  k text;
  sub jsonb;
  extra text[];
  valid integer;
BEGIN
  IF pg_catalog.jsonb_typeof(schema) = 'boolean' THEN
    IF schema = 'false'::jsonb THEN
      RETURN ARRAY['False schema does not allow ' || @extschema@._jsonschema_show(instance)];
    END IF;
    RETURN errors;
  END IF;
  IF schema ? '$ref' THEN
    RETURN errors;
  END IF;
  IF kind = 'number' THEN
    num := (instance #>> '{}')::numeric;
  ELSIF kind = 'string' THEN
    str := instance #>> '{}';
  END IF;
  FOR kw, val IN SELECT e.k, e.v FROM pg_catalog.jsonb_each(schema) AS e(k, v) ORDER BY e.k COLLATE "C" LOOP
    CASE
    WHEN kw = 'type' THEN
      IF pg_catalog.jsonb_typeof(val) = 'string' THEN
        IF NOT @extschema@._jsonschema_has_type(instance, val #>> '{}') THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is not of type ' || val::text);
        END IF;
      ELSIF NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements_text(val) AS t(x)
                         WHERE @extschema@._jsonschema_has_type(instance, x)) THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not of types ' ||
          (SELECT pg_catalog.string_agg(x::text, ', ' ORDER BY o) FROM pg_catalog.jsonb_array_elements(val) WITH ORDINALITY AS t(x, o)));
      END IF;
    WHEN kw = 'enum' THEN
      IF NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements(val) AS e(x) WHERE x = instance) THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not one of ' || @extschema@._jsonschema_show(val));
      END IF;
    WHEN kw = 'const' THEN
      IF val <> instance THEN
        errors := errors || (@extschema@._jsonschema_show(val) || ' was expected');
      END IF;
    WHEN kw = 'required' THEN
      IF kind = 'object' THEN
        errors := errors || coalesce((SELECT pg_catalog.array_agg(pg_catalog.to_jsonb(x)::text || ' is a required property' ORDER BY o)
                                        FROM pg_catalog.jsonb_array_elements_text(val) WITH ORDINALITY AS r(x, o)
                                       WHERE NOT instance ? x), '{}');
      END IF;
    WHEN kw = 'properties' THEN
      IF kind = 'object' THEN
        FOR k, sub IN SELECT e.k, e.v FROM pg_catalog.jsonb_each(val) AS e(k, v) WHERE instance ? e.k ORDER BY e.k COLLATE "C" LOOP
          errors := errors || @extschema@._jsonschema_errors(sub, instance -> k);
        END LOOP;
      END IF;
    WHEN kw = 'patternProperties' THEN
      IF kind = 'object' THEN
        FOR k, sub IN SELECT i.k, p.v FROM pg_catalog.jsonb_each(val) AS p(k, v), pg_catalog.jsonb_object_keys(instance) AS i(k)
                       WHERE @extschema@._jsonschema_regex(i.k, p.k) ORDER BY p.k COLLATE "C", i.k COLLATE "C" LOOP
          errors := errors || @extschema@._jsonschema_errors(sub, instance -> k);
        END LOOP;
      END IF;
    WHEN kw = 'additionalProperties' THEN
      IF kind = 'object' THEN
        SELECT pg_catalog.array_agg(i.k ORDER BY i.k COLLATE "C") INTO extra
          FROM pg_catalog.jsonb_object_keys(instance) AS i(k)
         WHERE NOT coalesce(schema -> 'properties' ? i.k, false)
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_object_keys(coalesce(schema -> 'patternProperties', '{}')) AS p(k)
                            WHERE coalesce(@extschema@._jsonschema_regex(i.k, p.k), true));
        IF extra IS NOT NULL THEN
          IF val = 'false'::jsonb THEN
            errors := errors || ('Additional properties are not allowed (' ||
              (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(x), ', ' ORDER BY o) FROM unnest(extra) WITH ORDINALITY AS u(x, o)) ||
              CASE WHEN pg_catalog.cardinality(extra) = 1 THEN ' was' ELSE ' were' END || ' unexpected)');
          ELSE
            FOREACH k IN ARRAY extra LOOP
              errors := errors || @extschema@._jsonschema_errors(val, instance -> k);
            END LOOP;
          END IF;
        END IF;
      END IF;
    WHEN kw = 'items' THEN
      IF kind = 'array' THEN
        IF pg_catalog.jsonb_typeof(val) = 'array' THEN
          FOR n IN 0 .. LEAST(pg_catalog.jsonb_array_length(val), pg_catalog.jsonb_array_length(instance)) - 1 LOOP
            errors := errors || @extschema@._jsonschema_errors(val -> n, instance -> n);
          END LOOP;
        ELSE
          FOR sub IN SELECT e FROM pg_catalog.jsonb_array_elements(instance) WITH ORDINALITY AS a(e, o) ORDER BY o LOOP
            errors := errors || @extschema@._jsonschema_errors(val, sub);
          END LOOP;
        END IF;
      END IF;
    WHEN kw = 'additionalItems' THEN
      IF kind = 'array' AND pg_catalog.jsonb_typeof(schema -> 'items') = 'array'
         AND pg_catalog.jsonb_array_length(instance) > pg_catalog.jsonb_array_length(schema -> 'items') THEN
        IF val = 'false'::jsonb THEN
          errors := errors || ('Additional items are not allowed (' ||
            (SELECT pg_catalog.string_agg(@extschema@._jsonschema_show(e), ', ' ORDER BY o)
               FROM pg_catalog.jsonb_array_elements(instance) WITH ORDINALITY AS a(e, o)
              WHERE o > pg_catalog.jsonb_array_length(schema -> 'items')) ||
            CASE WHEN pg_catalog.jsonb_array_length(instance) - pg_catalog.jsonb_array_length(schema -> 'items') = 1
                 THEN ' was' ELSE ' were' END || ' unexpected)');
        ELSE
          FOR n IN pg_catalog.jsonb_array_length(schema -> 'items') .. pg_catalog.jsonb_array_length(instance) - 1 LOOP
            errors := errors || @extschema@._jsonschema_errors(val, instance -> n);
          END LOOP;
        END IF;
      END IF;
    WHEN kw IN ('minItems', 'maxItems') THEN
      IF kind = 'array' THEN
        limit_value := (val #>> '{}')::numeric;
        IF kw = 'minItems' AND pg_catalog.jsonb_array_length(instance) < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has less than ' || limit_value || ' item' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        ELSIF kw = 'maxItems' AND pg_catalog.jsonb_array_length(instance) > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has more than ' || limit_value || ' item' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        END IF;
      END IF;
    WHEN kw = 'uniqueItems' THEN
      IF kind = 'array' AND val = 'true'::jsonb
         AND (SELECT pg_catalog.count(DISTINCT e) FROM pg_catalog.jsonb_array_elements(instance) AS a(e))
             < pg_catalog.jsonb_array_length(instance) THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' has non-unique elements');
      END IF;
    WHEN kw IN ('minProperties', 'maxProperties') THEN
      IF kind = 'object' THEN
        limit_value := (val #>> '{}')::numeric;
        n := (SELECT pg_catalog.count(*) FROM pg_catalog.jsonb_object_keys(instance));
        IF kw = 'minProperties' AND n < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has less than ' || limit_value || ' propert' || CASE WHEN limit_value = 1 THEN 'y' ELSE 'ies' END);
        ELSIF kw = 'maxProperties' AND n > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has more than ' || limit_value || ' propert' || CASE WHEN limit_value = 1 THEN 'y' ELSE 'ies' END);
        END IF;
      END IF;
    WHEN kw = 'minimum' THEN
      IF kind = 'number' THEN
        limit_value := (val #>> '{}')::numeric;
        IF schema -> 'exclusiveMinimum' = 'true'::jsonb AND num <= limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is less than or equal to the minimum of ' || val::text);
        ELSIF num < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is less than the minimum of ' || val::text);
        END IF;
      END IF;
    WHEN kw = 'maximum' THEN
      IF kind = 'number' THEN
        limit_value := (val #>> '{}')::numeric;
        IF schema -> 'exclusiveMaximum' = 'true'::jsonb AND num >= limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is greater than or equal to the maximum of ' || val::text);
        ELSIF num > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is greater than the maximum of ' || val::text);
        END IF;
      END IF;
    WHEN kw = 'exclusiveMinimum' THEN
      IF kind = 'number' AND pg_catalog.jsonb_typeof(val) = 'number' AND num <= (val #>> '{}')::numeric THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is less than or equal to the minimum of ' || val::text);
      END IF;
    WHEN kw = 'exclusiveMaximum' THEN
      IF kind = 'number' AND pg_catalog.jsonb_typeof(val) = 'number' AND num >= (val #>> '{}')::numeric THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is greater than or equal to the maximum of ' || val::text);
      END IF;
    WHEN kw = 'multipleOf' THEN
      IF kind = 'number' AND num % (val #>> '{}')::numeric <> 0 THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not a multiple of ' || val::text);
      END IF;
    WHEN kw IN ('minLength', 'maxLength') THEN
      IF kind = 'string' THEN
        limit_value := (val #>> '{}')::numeric;
        IF kw = 'minLength' AND pg_catalog.length(str) < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is shorter than ' || limit_value || ' character' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        ELSIF kw = 'maxLength' AND pg_catalog.length(str) > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is longer than ' || limit_value || ' character' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        END IF;
      END IF;
    WHEN kw = 'pattern' THEN
      IF kind = 'string' AND NOT @extschema@._jsonschema_regex(str, val #>> '{}') THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' does not match ' || val::text);
      END IF;
    WHEN kw = 'allOf' THEN
      FOR sub IN SELECT e FROM pg_catalog.jsonb_array_elements(val) WITH ORDINALITY AS a(e, o) ORDER BY o LOOP
        errors := errors || @extschema@._jsonschema_errors(sub, instance);
      END LOOP;
    WHEN kw IN ('anyOf', 'oneOf') THEN
      SELECT pg_catalog.count(*) INTO valid FROM pg_catalog.jsonb_array_elements(val) AS a(e)
       WHERE pg_catalog.cardinality(@extschema@._jsonschema_errors(e, instance)) = 0;
      IF valid = 0 THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not valid under any of the given schemas');
      ELSIF kw = 'oneOf' AND valid > 1 THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is valid under more than one of the given schemas');
      END IF;
    WHEN kw = 'not' THEN
      IF pg_catalog.cardinality(@extschema@._jsonschema_errors(val, instance)) = 0 THEN
        errors := errors || (@extschema@._jsonschema_show(val) || ' is not allowed for ' || @extschema@._jsonschema_show(instance));
      END IF;
    ELSE
      NULL;
    END CASE;
  END LOOP;
  RETURN errors;
END
$$;

CREATE FUNCTION @extschema@._jsonschema_matches(schema jsonb, instance jsonb) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  problem text := @extschema@._jsonschema_problem(schema);
BEGIN
  IF problem IS NOT NULL THEN
    -- The real one panics on a schema it cannot compile.
    RAISE EXCEPTION 'Invalid schema: %', problem USING ERRCODE = 'internal_error';
  END IF;
  RETURN pg_catalog.cardinality(@extschema@._jsonschema_errors(schema, instance)) = 0;
END
$$;

CREATE FUNCTION @extschema@.json_matches_schema(schema json, instance json) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._jsonschema_matches(schema::jsonb, instance::jsonb)
$$;

CREATE FUNCTION @extschema@.jsonb_matches_schema(schema json, instance jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._jsonschema_matches(schema::jsonb, instance)
$$;

CREATE FUNCTION @extschema@.jsonschema_is_valid(schema json) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._jsonschema_problem(schema::jsonb) IS NULL
$$;

CREATE FUNCTION @extschema@.jsonschema_validation_errors(schema json, instance json) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN problem IS NULL THEN @extschema@._jsonschema_errors(schema::jsonb, instance::jsonb)
              ELSE ARRAY[problem] END
    FROM @extschema@._jsonschema_problem(schema::jsonb) AS problem
$$;
`

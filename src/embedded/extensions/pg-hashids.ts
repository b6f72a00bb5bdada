/**
 * Stand-in for pg_hashids 1.3 (iCyberon/pg_hashids at the revision supabase/postgres builds, whose control file says
 * 1.3; `supabase db pull` writes `CREATE EXTENSION IF NOT EXISTS "pg_hashids" WITH SCHEMA "extensions"`), with the
 * real signatures of pg_hashids--1.3.sql: id_encode(bigint | bigint[] [, salt [, min_length [, alphabet]]]),
 * id_decode(text [, ...]) returning bigint[], id_decode_once(text [, ...]) returning bigint, and the v1 names
 * hash_encode / hash_decode. Like pgjwt's it computes: the hashids algorithm of the hashids.c library the real
 * extension wraps (the one of hashids.js 1.x: consistent shuffle, separators, guards, padding to the minimum
 * length), in PL/pgSQL, so an id encoded here is the one hosted encodes and decodes back. As the C library does:
 * numbers are unsigned 64-bit (a negative bigint is encoded as 2^64 + n and decodes back to itself), the salt is
 * read byte by byte, decode does not re-encode to check the id, and alphabet errors are 'alphabet is too short'
 * and 'alphabet contains whitespace characters'. A non-ASCII alphabet is refused (the C library splits it into
 * bytes); every function is IMMUTABLE, so ids work in generated columns and indexes.
 */
export const PG_HASHIDS_VERSION = '1.3'

export const PG_HASHIDS_SQL = String.raw`
-- The bytes of a text (UTF-8) as the C library's signed chars.
CREATE FUNCTION @extschema@._hashids_bytes(t text) RETURNS integer[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(pg_catalog.array_agg(CASE WHEN b > 127 THEN b - 256 ELSE b END ORDER BY i), '{}')
    FROM (SELECT pg_catalog.get_byte(pg_catalog.convert_to(t, 'UTF8'), i) AS b, i
            FROM pg_catalog.generate_series(0, pg_catalog.octet_length(pg_catalog.convert_to(t, 'UTF8')) - 1) AS i) AS s
$$;

-- The consistent shuffle (hashids_shuffle): swaps driven by the salt; the C arithmetic is unsigned 64-bit.
CREATE FUNCTION @extschema@._hashids_shuffle(str text, salt integer[]) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  chars text[] := pg_catalog.string_to_array(str, NULL);
  n integer := pg_catalog.cardinality(chars);
  salt_length integer := pg_catalog.cardinality(salt);
  i integer;
  v integer := 0;
  p bigint := 0;
  x bigint;
  j integer;
  tmp text;
BEGIN
  IF salt_length = 0 OR n < 2 THEN
    RETURN str;
  END IF;
  i := n - 1;
  WHILE i > 0 LOOP
    IF v = salt_length THEN
      v := 0;
    END IF;
    p := p + salt[v + 1];
    x := salt[v + 1] + v + p;
    IF x >= 0 THEN
      j := x % i;
    ELSE
      j := ((x::numeric + 18446744073709551616) % i)::integer;
    END IF;
    tmp := chars[i + 1];
    chars[i + 1] := chars[j + 1];
    chars[j + 1] := tmp;
    i := i - 1;
    v := v + 1;
  END LOOP;
  RETURN pg_catalog.array_to_string(chars, '');
END
$$;

-- hashids_init3: the alphabet (unique characters), separators and guards for a salt.
CREATE FUNCTION @extschema@._hashids_setup(salt text, alphabet text, min_length integer,
    OUT alpha text, OUT seps text, OUT guards text, OUT salt_bytes integer[])
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  ch text;
  separators_count integer;
  diff integer;
  guards_count integer;
BEGIN
  alpha := '';
  FOREACH ch IN ARRAY pg_catalog.string_to_array(alphabet, NULL) LOOP
    IF pg_catalog.strpos(alpha, ch) = 0 THEN
      alpha := alpha || ch;
    END IF;
  END LOOP;
  IF pg_catalog.length(alpha) < 16 THEN
    RAISE EXCEPTION 'alphabet is too short' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF pg_catalog.strpos(alpha, ' ') > 0 OR pg_catalog.strpos(alpha, E'\t') > 0 THEN
    RAISE EXCEPTION 'alphabet contains whitespace characters' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF pg_catalog.octet_length(alpha) <> pg_catalog.length(alpha) THEN
    RAISE EXCEPTION 'the pg_hashids stand-in takes ASCII alphabets only'
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'The real extension splits a non-ASCII alphabet into bytes; this stand-in does not imitate that.';
  END IF;
  IF min_length < 0 THEN
    -- The C library takes it as an unsigned size: the real extension fails allocating the id.
    RAISE EXCEPTION 'invalid memory alloc request size' USING ERRCODE = 'program_limit_exceeded';
  END IF;
  salt_bytes := @extschema@._hashids_bytes(salt);

  -- Take the default separators that are in the alphabet out of it.
  seps := '';
  FOREACH ch IN ARRAY pg_catalog.string_to_array('cfhistuCFHISTU', NULL) LOOP
    IF pg_catalog.strpos(alpha, ch) > 0 THEN
      seps := seps || ch;
      alpha := pg_catalog.replace(alpha, ch, '');
    END IF;
  END LOOP;
  seps := @extschema@._hashids_shuffle(seps, salt_bytes);
  IF pg_catalog.length(seps) = 0 OR pg_catalog.length(alpha)::numeric / pg_catalog.length(seps) > 3.5 THEN
    separators_count := pg_catalog.ceil(pg_catalog.length(alpha) / 3.5);
    IF separators_count = 1 THEN
      separators_count := 2;
    END IF;
    IF separators_count > pg_catalog.length(seps) THEN
      diff := separators_count - pg_catalog.length(seps);
      seps := seps || pg_catalog.left(alpha, diff);
      alpha := pg_catalog.substr(alpha, diff + 1);
    ELSE
      seps := pg_catalog.left(seps, separators_count);
    END IF;
  END IF;

  alpha := @extschema@._hashids_shuffle(alpha, salt_bytes);
  guards_count := pg_catalog.ceil(pg_catalog.length(alpha) / 12.0);
  IF pg_catalog.length(alpha) < 3 THEN
    guards := pg_catalog.left(seps, guards_count);
    seps := pg_catalog.substr(seps, guards_count + 1);
  ELSE
    guards := pg_catalog.left(alpha, guards_count);
    alpha := pg_catalog.substr(alpha, guards_count + 1);
  END IF;
END
$$;

-- hashids_encode: numbers are unsigned 64-bit values (numeric here).
CREATE FUNCTION @extschema@._hashids_encode(numbers numeric[], salt text, min_length integer, alphabet text)
  RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s record;
  n integer := pg_catalog.cardinality(numbers);
  alphabet_length integer;
  numbers_hash numeric := 0;
  lottery text;
  result text;
  current_alphabet text;
  number numeric;
  encoded text;
  i integer;
  left_pad integer;
  right_pad integer;
BEGIN
  s := @extschema@._hashids_setup(salt, alphabet, min_length);
  IF n = 0 THEN
    RETURN '';
  END IF;
  alphabet_length := pg_catalog.length(s.alpha);
  FOR i IN 0 .. n - 1 LOOP
    numbers_hash := numbers_hash + numbers[i + 1] % (i + 100);
  END LOOP;
  lottery := pg_catalog.substr(s.alpha, (numbers_hash % alphabet_length)::integer + 1, 1);
  result := lottery;
  current_alphabet := s.alpha;
  FOR i IN 0 .. n - 1 LOOP
    number := numbers[i + 1];
    current_alphabet := @extschema@._hashids_shuffle(current_alphabet,
      (ARRAY[pg_catalog.ascii(lottery)] || s.salt_bytes || @extschema@._hashids_bytes(current_alphabet))[1:alphabet_length]);
    encoded := '';
    LOOP
      encoded := pg_catalog.substr(current_alphabet, (number % alphabet_length)::integer + 1, 1) || encoded;
      number := pg_catalog.div(number, alphabet_length);
      EXIT WHEN number = 0;
    END LOOP;
    result := result || encoded;
    IF i + 1 < n THEN
      result := result || pg_catalog.substr(s.seps,
        ((numbers[i + 1] % (pg_catalog.ascii(encoded) + i)) % pg_catalog.length(s.seps))::integer + 1, 1);
    END IF;
  END LOOP;

  IF pg_catalog.length(result) < min_length THEN
    result := pg_catalog.substr(s.guards,
      ((numbers_hash + pg_catalog.ascii(result)) % pg_catalog.length(s.guards))::integer + 1, 1) || result;
    IF pg_catalog.length(result) < min_length THEN
      result := result || pg_catalog.substr(s.guards,
        ((numbers_hash + pg_catalog.ascii(pg_catalog.substr(result, 3, 1))) % pg_catalog.length(s.guards))::integer + 1, 1);
      WHILE pg_catalog.length(result) < min_length LOOP
        current_alphabet := @extschema@._hashids_shuffle(current_alphabet, @extschema@._hashids_bytes(current_alphabet));
        left_pad := LEAST(pg_catalog.ceil((min_length - pg_catalog.length(result)) / 2.0),
                          pg_catalog.ceil(alphabet_length / 2.0));
        right_pad := LEAST((min_length - pg_catalog.length(result)) / 2, alphabet_length / 2);
        IF (left_pad + right_pad) % 2 = 0 AND alphabet_length % 2 = 1 THEN
          left_pad := left_pad + 1;
          right_pad := right_pad - 1;
        END IF;
        result := pg_catalog.right(current_alphabet, left_pad) || result || pg_catalog.left(current_alphabet, right_pad);
      END LOOP;
    END IF;
  END IF;
  RETURN result;
END
$$;

-- hashids_numbers_count + hashids_decode, as pg_hashids calls them: the id is not re-encoded to be checked.
CREATE FUNCTION @extschema@._hashids_decode(id text, salt text, min_length integer, alphabet text, max_count integer)
  RETURNS bigint[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s record;
  alphabet_length integer;
  str text := id;
  ch text;
  pos integer;
  numbers_count integer := 1;
  lottery text;
  current_alphabet text;
  number numeric := 0;
  result bigint[] := '{}';
BEGIN
  s := @extschema@._hashids_setup(salt, alphabet, min_length);
  alphabet_length := pg_catalog.length(s.alpha);
  -- Skip what precedes the first guard (when ids are padded), stop at the next.
  IF min_length > 0 THEN
    FOR pos IN 1 .. pg_catalog.length(str) LOOP
      IF pg_catalog.strpos(s.guards, pg_catalog.substr(str, pos, 1)) > 0 THEN
        str := pg_catalog.substr(str, pos + 1);
        EXIT;
      END IF;
    END LOOP;
  END IF;
  FOREACH ch IN ARRAY pg_catalog.string_to_array(str, NULL) LOOP
    EXIT WHEN pg_catalog.strpos(s.guards, ch) > 0;
    IF pg_catalog.strpos(s.seps, ch) > 0 THEN
      numbers_count := numbers_count + 1;
    ELSIF pg_catalog.strpos(s.alpha, ch) = 0 THEN
      RAISE EXCEPTION 'invalid hash' USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END LOOP;
  IF str = '' THEN
    RAISE EXCEPTION 'invalid hash' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  lottery := pg_catalog.substr(str, 1, 1);
  current_alphabet := @extschema@._hashids_shuffle(s.alpha,
    (ARRAY[pg_catalog.ascii(lottery)] || s.salt_bytes || @extschema@._hashids_bytes(s.alpha))[1:alphabet_length]);
  FOREACH ch IN ARRAY pg_catalog.string_to_array(pg_catalog.substr(str, 2), NULL) LOOP
    EXIT WHEN pg_catalog.strpos(s.guards, ch) > 0;
    IF pg_catalog.strpos(s.seps, ch) > 0 THEN
      result := result || (CASE WHEN number >= 9223372036854775808 THEN number - 18446744073709551616 ELSE number END)::bigint;
      IF pg_catalog.cardinality(result) >= max_count THEN
        RETURN result;
      END IF;
      number := 0;
      current_alphabet := @extschema@._hashids_shuffle(current_alphabet,
        (ARRAY[pg_catalog.ascii(lottery)] || s.salt_bytes || @extschema@._hashids_bytes(current_alphabet))[1:alphabet_length]);
      CONTINUE;
    END IF;
    pos := pg_catalog.strpos(current_alphabet, ch);
    IF pos = 0 THEN
      RAISE EXCEPTION 'invalid hash' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    number := (number * alphabet_length + pos - 1) % 18446744073709551616;
  END LOOP;
  result := result || (CASE WHEN number >= 9223372036854775808 THEN number - 18446744073709551616 ELSE number END)::bigint;
  -- The real extension sizes its result by the separators it counted, and leaves the rest zero.
  WHILE pg_catalog.cardinality(result) < LEAST(numbers_count, max_count) LOOP
    result := result || 0::bigint;
  END LOOP;
  RETURN result;
END
$$;

CREATE FUNCTION @extschema@._hashids_numbers(numbers bigint[]) RETURNS numeric[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF pg_catalog.array_position(numbers, NULL) IS NOT NULL THEN
    RAISE EXCEPTION 'null value not allowed for array element' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- As the C code reads it: the first dimension's count of elements, in storage order.
  RETURN coalesce((SELECT pg_catalog.array_agg(CASE WHEN n < 0 THEN n + 18446744073709551616 ELSE n END ORDER BY o)
                     FROM unnest(numbers) WITH ORDINALITY AS u(n, o)
                    WHERE o <= coalesce(pg_catalog.array_length(numbers, 1), 0)), '{}');
END
$$;

-- v1 names
CREATE FUNCTION @extschema@.hash_encode(bigint) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.hash_encode(bigint, text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.hash_encode(bigint, text, integer) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
-- Declared integer while the C function returns a bigint: the caller gets its low 32 bits.
CREATE FUNCTION @extschema@.hash_decode(text, text, integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (CASE WHEN low >= 2147483648 THEN low - 4294967296 ELSE low END)::integer
    FROM (SELECT ((n::numeric % 4294967296) + 4294967296) % 4294967296 AS low
            FROM (SELECT (@extschema@._hashids_decode($1, $2, $3,
                    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1] AS n) AS d) AS l
$$;

-- v1.3
CREATE FUNCTION @extschema@.id_encode(bigint) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint, text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint, text, integer) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint, text, integer, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, $3, $4)
$$;

CREATE FUNCTION @extschema@.id_encode(bigint[]) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint[], text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint[], text, integer) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint[], text, integer, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), $2, $3, $4)
$$;

CREATE FUNCTION @extschema@.id_decode(text) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 2147483647)
$$;
CREATE FUNCTION @extschema@.id_decode(text, text) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 2147483647)
$$;
CREATE FUNCTION @extschema@.id_decode(text, text, integer) RETURNS bigint[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 2147483647)
$$;
CREATE FUNCTION @extschema@.id_decode(text, text, integer, text) RETURNS bigint[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, $2, $3, $4, 2147483647)
$$;

CREATE FUNCTION @extschema@.id_decode_once(text) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1]
$$;
CREATE FUNCTION @extschema@.id_decode_once(text, text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1]
$$;
CREATE FUNCTION @extschema@.id_decode_once(text, text, integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1]
$$;
CREATE FUNCTION @extschema@.id_decode_once(text, text, integer, text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, $2, $3, $4, 1))[1]
$$;
`

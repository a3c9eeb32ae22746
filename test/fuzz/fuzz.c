/*-------------------------------------------------------------------------
 *
 * fuzz.c
 *	  The fuzz client of the test suite (test/fuzz/run.sh builds and runs
 *	  it): random and mutated text and binary input for recfair.embedding
 *	  and recfair.idset, and random argument values and jsonb options for
 *	  every SQL function of the extension, sent through libpq.
 *
 * Binary values are bind parameters in binary format typed as the recfair
 * type, so the server runs the types' receive functions on them; text values
 * are text parameters typed the same way (the input functions).  Every case
 * runs in a transaction that is rolled back, so cases do not change the
 * fixed dataset and models (test/fuzz/setup.sql) and each one can be
 * replayed alone.
 *
 * A case fails the run when the connection does not survive it, when it
 * raises an error whose SQLSTATE is of the classes XX (internal error), 58
 * (system error) or 08 (connection exception) unless test/fuzz/known-bugs
 * lists it, or when an oracle check on its result fails (binary input must
 * be accepted exactly when it is well formed and must come back unchanged;
 * arithmetic must agree with float4 arithmetic; text must read back).
 *
 *	  fuzz [-s SEED] [-n CASES] [-w WORKERS] [-c CASE] [-k KNOWN] [-o CODES]
 *
 * Cases are numbered 0..CASES-1; case i gets its own random stream from
 * SEED and i, and worker w runs the cases with i % WORKERS == w.  -c runs
 * only case CASE and prints it.  -o writes "kind sqlstate file count"
 * lines: which SQLSTATEs each kind of case raised, from which source file.
 *
 *-------------------------------------------------------------------------
 */
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#define MAX_PARAMS 20

/* ---------------------------------------------------------------- random */

typedef struct Rng
{
	uint64_t	s;
} Rng;

static uint64_t
next64(Rng *r)
{
	uint64_t	z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* uniform in [0, n) */
static int
rnd(Rng *r, int n)
{
	return n <= 1 ? 0 : (int) (next64(r) % (uint64_t) n);
}

static bool
chance(Rng *r, int percent)
{
	return rnd(r, 100) < percent;
}

/*
 * Half of the cases are "tame": their arguments are NULL or junk far less
 * often, so that calls get past argument checking into the real work.
 */
static bool wild;

#define W(p) (wild ? (p) : ((p) + 3) / 4)

#define PICK(r, arr) ((arr)[rnd((r), sizeof(arr) / sizeof((arr)[0]))])

/* ---------------------------------------------------------------- buffers */

typedef struct Buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} Buf;

static void
buf_reserve(Buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
	{
		b->cap = (b->len + extra + 1) * 2;
		b->data = realloc(b->data, b->cap);
		if (b->data == NULL)
		{
			perror("realloc");
			exit(2);
		}
	}
}

static void
buf_put(Buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
buf_printf(Buf *b, const char *fmt,...)
{
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_reserve(b, n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, n + 1, fmt, ap);
	va_end(ap);
	b->len += n;
}

static void
buf_u16(Buf *b, uint16_t v)
{
	uint8_t		x[2] = {v >> 8, v};

	buf_put(b, x, 2);
}

static void
buf_u32(Buf *b, uint32_t v)
{
	uint8_t		x[4] = {v >> 24, v >> 16, v >> 8, v};

	buf_put(b, x, 4);
}

static void
buf_u64(Buf *b, uint64_t v)
{
	buf_u32(b, (uint32_t) (v >> 32));
	buf_u32(b, (uint32_t) v);
}

static uint32_t
get_u32(const uint8_t *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
}

static uint64_t
get_u64(const uint8_t *p)
{
	return ((uint64_t) get_u32(p) << 32) | get_u32(p + 4);
}

/* ---------------------------------------------------------------- cases */

typedef struct Case
{
	const char *kind;			/* what is fuzzed: a function or a type's I/O */
	Buf			sql;
	int			nparams;
	unsigned int types[MAX_PARAMS];
	Buf			values[MAX_PARAMS];
	bool		isnull[MAX_PARAMS];
	int			formats[MAX_PARAMS];
	int			result_format;

	/*
	 * Oracle: 0 none; 1 well-formed binary input must be accepted and come
	 * back unchanged (expect holds the bytes), others refused; 2 every
	 * boolean column of an accepted result must be true.
	 */
	int			oracle;
	bool		valid;
	Buf			expect;
	const char *pre;			/* a statement run first, in the transaction */
	Buf			post;			/* run after the case succeeded, if not empty */
} Case;

static unsigned int embedding_oid;
static unsigned int idset_oid;

static void
case_reset(Case *c)
{
	c->kind = "";
	c->sql.len = 0;
	if (c->sql.data)
		c->sql.data[0] = '\0';
	c->nparams = 0;
	c->result_format = 0;
	c->oracle = 0;
	c->valid = false;
	c->expect.len = 0;
	c->pre = NULL;
	c->post.len = 0;
	if (c->post.data)
		c->post.data[0] = '\0';
}

static void
sql(Case *c, const char *fmt,...)
{
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_reserve(&c->sql, n);
	va_start(ap, fmt);
	vsnprintf(c->sql.data + c->sql.len, n + 1, fmt, ap);
	va_end(ap);
	c->sql.len += n;
}

/* Add a parameter; value NULL is SQL NULL.  Returns its buffer. */
static Buf *
param(Case *c, unsigned int type, const char *value, int format)
{
	Buf		   *b;

	if (c->nparams >= MAX_PARAMS)
	{
		fprintf(stderr, "fuzz: more than %d parameters in a %s case\n", MAX_PARAMS, c->kind);
		abort();
	}
	b = &c->values[c->nparams];
	b->len = 0;
	buf_put(b, "", 0);
	c->types[c->nparams] = type;
	c->isnull[c->nparams] = value == NULL;
	c->formats[c->nparams] = format;
	if (value)
		buf_put(b, value, strlen(value));
	c->nparams++;
	return b;
}

/* ---------------------------------------------------------------- values */

/* An int4 argument as text: boundaries, small values, NULL. */
static const char *
gen_int(Rng *r, char *out)
{
	static const char *special[] = {"0", "1", "-1", "2", "3", "5", "10", "100",
		"1000", "10000", "10001", "16000", "16001", "1024", "1025",
		"2147483647", "-2147483648", "-100"};

	if (chance(r, W(4)))
		return NULL;
	if (chance(r, W(50)))
		return PICK(r, special);
	sprintf(out, "%d", rnd(r, 40) - 3);
	return out;
}

/* A bounded count (k, factors...): mostly small, sometimes a boundary. */
static const char *
gen_small(Rng *r, char *out, int lo, int hi)
{
	if (chance(r, W(15)))
		return gen_int(r, out);
	sprintf(out, "%d", lo + rnd(r, hi - lo + 1));
	return out;
}

static const char *
gen_bigint(Rng *r, char *out)
{
	static const char *special[] = {"0", "-1", "1", "9223372036854775807",
	"-9223372036854775808", "4294967296", "2147483648", "-2147483649"};

	if (chance(r, W(4)))
		return NULL;
	if (chance(r, W(20)))
		return PICK(r, special);
	sprintf(out, "%d", rnd(r, 130) - 5);	/* item ids 1..120, users 1..300 */
	if (chance(r, 50))
		sprintf(out, "%d", rnd(r, 320) - 5);
	return out;
}

static const char *
gen_real(Rng *r, char *out)
{
	static const char *special[] = {"0", "-0", "1", "-1", "0.5", "2", "1e-45",
		"1.1754944e-38", "1e-30", "3.4028235e38", "-3.4028235e38", "1e20",
		"1e-20", "NaN", "Infinity", "-Infinity", "0.999999", "1.000001",
	"1e-10"};

	if (chance(r, W(4)))
		return NULL;
	if (chance(r, W(60)))
		return PICK(r, special);
	sprintf(out, "%.9g", (double) (int64_t) next64(r) / 9.2e18 * pow(10, rnd(r, 12) - 6));
	return out;
}

static const char *
gen_bool(Rng *r)
{
	static const char *v[] = {"true", "false", NULL};

	return PICK(r, v);
}

/* Strings that are not what a name should be. */
static const char *
gen_junk_text(Rng *r)
{
	static const char *junk[] = {"", " ", "\"", "'", "a\"b", "x'); DROP TABLE fz_items; --",
		"fz_items;", "pg_catalog.pg_class", "public.", ".", "a.b.c.d", "a.b.c",
		"\"FZ\"", "1abc", "select", "SELECT", "SELECT 1", "VALUES", "WITH", "TABLE",
		"é", "\xe2\x82\xac", "tableoid", "ctid", "xmin", "*", "%s%n%s",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"information_schema.tables", "recfair.models", "recfair.item_factors",
		"pg_temp.x", "\"a\"\"b\"", "$1", "\\", "NULL", "-", "0"};

	return PICK(r, junk);
}

static const char *
gen_model(Rng *r, int worker, char *out, bool mutating)
{
	static const char *ro[] = {"fz", "fze", "fzp", "fz_nogroups", "fz_odd"};

	if (chance(r, W(6)))
		return NULL;
	if (chance(r, W(12)))
		return gen_junk_text(r);
	if (chance(r, W(8)))
		return "no_such_model";
	if (mutating || chance(r, 30))
	{
		sprintf(out, "fzw%d", worker);
		return out;
	}
	return PICK(r, ro);
}

static const char *
gen_group_col(Rng *r)
{
	static const char *cols[] = {"brand", "brand", "price_tier", "category",
		"price", "item_id", "segment", "activity", "no_col", "Brand",
		"\"brand\"", "brand; select 1", "user_id", "g_json", "g_arr", "g_bool",
	"g_num", "g_bytea", "g_long", "g_point", "g_nulls", "key_text"};

	if (chance(r, W(4)))
		return NULL;
	if (chance(r, W(10)))
		return gen_junk_text(r);
	return PICK(r, cols);
}

static const char *
gen_target(Rng *r)
{
	static const char *t[] = {"equal", "catalog", "merit", "EQUAL", "",
		"{\"Acme\": 0.1, \"Globex\": 0.1}", "{\"budget\": 1}", "{}", "[]", "1",
		"{\"Acme\": -1}", "{\"Acme\": \"x\"}", "{\"Acme\": 0}", "{\"Nope\": 1}",
		"{\"Acme\": 1e400}", "{\"Acme\": 1e-400}", "{\"Acme\": null}",
		"{\"Acme\": 1, \"Acme\": 2}", "{\"\": 1}", "{\"budget\": 1e308, \"mid\": 1e308}",
		"{\"Acme\": [1]}", "{\"Acme\": {}}", "{", "null", "\"equal\"",
	"{\"premium\": 0.5, \"mid\": 0.3, \"budget\": 0.2}"};

	if (chance(r, W(5)))
		return NULL;
	if (chance(r, W(5)))
		return gen_junk_text(r);
	return PICK(r, t);
}

/* A random json value, used as option values. */
static void
gen_json_value(Rng *r, Buf *b, int depth)
{
	static const char *v[] = {"true", "false", "null", "0", "1", "-1", "0.5",
		"2", "3", "10", "100", "1000", "1e308", "-1e308", "1e400", "1e-400",
		"0.000001", "2147483648", "9223372036854775808", "\"\"", "\"x\"",
		"\"equal\"", "\"catalog\"", "\"merit\"", "\"brand\"", "\"price_tier\"",
		"\"segment\"", "\"fz_items\"", "\"fz_users\"", "\"item_id\"",
		"\"user_id\"", "\"weight\"", "\"ts\"", "\"cg\"", "\"cholesky\"",
		"\"alpha*w\"", "\"1+alpha*w\"", "\"NaN\"", "\"Infinity\"", "\"-1\"",
	"\"1e5\"", "\"no_table\"", "\"no_col\"", "\"0x10\"", "\" 1\""};

	if (depth < 2 && chance(r, 5))
	{
		buf_printf(b, "[");
		gen_json_value(r, b, depth + 1);
		buf_printf(b, "]");
	}
	else if (depth < 2 && chance(r, 5))
	{
		buf_printf(b, "{\"Acme\": ");
		gen_json_value(r, b, depth + 1);
		buf_printf(b, "}");
	}
	else
		buf_printf(b, "%s", PICK(r, v));
}

/* A jsonb options argument: keys of the function and others. */
static const char *
gen_options(Rng *r, Buf *b, const char *const *keys, int nkeys)
{
	static const char *other[] = {"", "x", "ALPHA", "seed ", "amortised",
	"fair", "k", "items", "price"};
	int			n;

	b->len = 0;
	buf_put(b, "", 0);
	if (chance(r, W(4)))
		return NULL;
	if (chance(r, 4))
	{
		static const char *nonobj[] = {"[]", "1", "\"x\"", "null", "[{}]", "true"};

		return PICK(r, nonobj);
	}
	n = rnd(r, 5);
	buf_printf(b, "{");
	for (int i = 0; i < n; i++)
	{
		const char *key = chance(r, 85) ? keys[rnd(r, nkeys)] : PICK(r, other);

		buf_printf(b, "%s\"%s\": ", i ? ", " : "", key);
		gen_json_value(r, b, 0);
	}
	buf_printf(b, "}");
	return b->data;
}

/* A bigint[] as text. */
static const char *
gen_bigint_array(Rng *r, Buf *b)
{
	static const char *special[] = {"{}", "{NULL}", "{{1,2},{3,4}}", "{1,NULL,3}",
		"{9223372036854775807,-9223372036854775808}", "[0:1]={1,2}",
	"{1,1,1,1}", "{{}}", "{-1}", "{0}"};
	int			n;

	b->len = 0;
	buf_put(b, "", 0);
	if (chance(r, W(4)))
		return NULL;
	if (chance(r, W(20)))
		return PICK(r, special);
	n = chance(r, 5) ? rnd(r, 3000) : rnd(r, 12);
	buf_printf(b, "{");
	for (int i = 0; i < n; i++)
		buf_printf(b, "%s%d", i ? "," : "", rnd(r, 140) - 5);
	buf_printf(b, "}");
	return b->data;
}

/* ---------------------------------------------------------------- embedding values */

static float
gen_float(Rng *r)
{
	static const float special[] = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, 2.0f,
		FLT_MIN, -FLT_MIN, 1e-45f, -1e-45f, FLT_MAX, -FLT_MAX, 1e20f, 1e-20f,
	3.0f, 1e19f, 1e-19f};
	uint32_t	bits;
	float		f;

	switch (rnd(r, 4))
	{
		case 0:
			return PICK(r, special);
		case 1:
			bits = (uint32_t) next64(r);
			memcpy(&f, &bits, 4);
			return f;
		default:
			return (float) ((double) (int64_t) next64(r) / 9.2e18 * pow(10, rnd(r, 10) - 4));
	}
}

/* dims: mostly small, sometimes the limits */
static int
gen_dim(Rng *r)
{
	static const int special[] = {0, -1, 16000, 16001, 32767, -32768, 1, 2, 100, 1000};

	if (chance(r, 3))
		return PICK(r, special);
	return 1 + rnd(r, 8);
}

/* A valid embedding in text form, with dims elements. */
static void
gen_emb_text(Rng *r, Buf *b, int dim, bool finite_only)
{
	buf_printf(b, "[");
	for (int i = 0; i < dim; i++)
	{
		float		f = gen_float(r);

		if (finite_only || chance(r, 90))
			while (!isfinite(f))
				f = gen_float(r);
		buf_printf(b, "%s%.9g", i ? "," : "", f);
	}
	buf_printf(b, "]");
}

/* A finite embedding of dims elements, mostly small values */
static void
gen_emb_operand(Rng *r, Buf *b, int dim)
{
	b->len = 0;
	buf_put(b, "", 0);
	gen_emb_text(r, b, dim, true);
}

static void
mutate_text(Rng *r, Buf *b)
{
	static const char *tokens[] = {"[", "]", ",", "-", "+", ".", "e", "E", "e-",
		"1e39", "1e-46", "1e-45", "-0", "0x1p-149", "0x1p128", "nan", "NaN", "inf",
		"-Infinity", "infinity", " ", "\t", "\n", "1e", "..", "+-1", "1,", ",]",
		"[[", "]]", "\xff", "\xc3\xa9", "1e999999999", "00000000000000000000001",
	"1.17549435e-38", "3.40282357e38", "1_0", "0b1", "{1}", "(", ")"};
	int			n = 1 + rnd(r, 3);

	for (int i = 0; i < n; i++)
	{
		size_t		pos = b->len ? (size_t) rnd(r, (int) b->len + 1) : 0;

		switch (rnd(r, 4))
		{
			case 0:				/* delete a span */
				if (b->len > 0 && pos < b->len)
				{
					size_t		del = 1 + rnd(r, 4);

					if (pos + del > b->len)
						del = b->len - pos;
					memmove(b->data + pos, b->data + pos + del, b->len - pos - del + 1);
					b->len -= del;
				}
				break;
			case 1:				/* insert a token */
			case 2:
				{
					const char *t = PICK(r, tokens);
					size_t		tl = strlen(t);

					buf_reserve(b, tl);
					memmove(b->data + pos + tl, b->data + pos, b->len - pos + 1);
					memcpy(b->data + pos, t, tl);
					b->len += tl;
				}
				break;
			case 3:				/* truncate */
				b->len = pos;
				b->data[pos] = '\0';
				break;
		}
	}
}

/* ---------------------------------------------------------------- case makers */

typedef struct Ctx
{
	Rng		   *r;
	Case	   *c;
	int			worker;
	Buf			tmp[4];
} Ctx;

static void
make_emb_recv(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	int			dim = chance(r, 90) ? 1 + rnd(r, 8) : gen_dim(r);
	int			unused = chance(r, 95) ? 0 : rnd(r, 65536) - 32768;
	int			ndata = dim > 0 && dim <= 16001 ? dim : rnd(r, 4);
	Buf		   *b;
	bool		finite = true;
	size_t		len;

	c->kind = "embedding_recv";
	sql(c, "SELECT $1");
	b = param(c, embedding_oid, "", 1);
	buf_u16(b, (uint16_t) dim);
	buf_u16(b, (uint16_t) unused);
	for (int i = 0; i < ndata; i++)
	{
		float		f = gen_float(r);
		uint32_t	bits;

		if (chance(r, 97))
			while (!isfinite(f))
				f = gen_float(r);
		finite = finite && isfinite(f);
		memcpy(&bits, &f, 4);
		buf_u32(b, bits);
	}
	if (chance(r, 35))
	{
		/* mutate: flip bits, truncate, append, or random bytes */
		int			n = 1 + rnd(r, 2);

		for (int i = 0; i < n; i++)
		{
			switch (rnd(r, 4))
			{
				case 0:
					if (b->len)
						b->data[rnd(r, (int) b->len)] ^= (char) (1 << rnd(r, 8));
					break;
				case 1:
					b->len = rnd(r, (int) b->len + 1);
					break;
				case 2:
					for (int k = rnd(r, 9); k > 0; k--)
					{
						char		ch = (char) rnd(r, 256);

						buf_put(b, &ch, 1);
					}
					break;
				case 3:
					b->len = 0;
					for (int k = rnd(r, 24); k > 0; k--)
					{
						char		ch = (char) rnd(r, 256);

						buf_put(b, &ch, 1);
					}
					break;
			}
		}
		/* what the bytes now say */
		finite = true;
		if (b->len >= 4)
		{
			dim = (int16_t) ((uint8_t) b->data[0] << 8 | (uint8_t) b->data[1]);
			unused = (int16_t) ((uint8_t) b->data[2] << 8 | (uint8_t) b->data[3]);
			for (size_t off = 4; off + 4 <= b->len; off += 4)
			{
				uint32_t	bits = get_u32((uint8_t *) b->data + off);
				float		f;

				memcpy(&f, &bits, 4);
				finite = finite && isfinite(f);
			}
		}
	}
	len = b->len;
	c->result_format = 1;
	c->oracle = 1;
	c->valid = len >= 4 && dim >= 1 && dim <= 16000 && unused == 0 &&
		len == 4 + 4 * (size_t) dim && finite;
	buf_put(&c->expect, b->data, b->len);
}

static void
make_idset_recv(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	int			n = chance(r, 95) ? rnd(r, 10) : rnd(r, 2000);
	int			declared = chance(r, 92) ? n : (int) (next64(r) % 20) - 3;
	int64_t    *ids = malloc(sizeof(int64_t) * (n + 1));
	Buf		   *b;
	int			kept = 0;

	c->kind = "idset_recv";
	sql(c, "SELECT $1");
	b = param(c, idset_oid, "", 1);
	if (chance(r, 5))
		declared = PICK(r, ((int[]) {-1, INT32_MIN, INT32_MAX, 268435455, 268435456}));
	buf_u32(b, (uint32_t) declared);
	for (int i = 0; i < n; i++)
	{
		if (chance(r, 10))
			ids[i] = (int64_t) next64(r);
		else if (chance(r, 10))
			ids[i] = PICK(r, ((int64_t[]) {INT64_MIN, INT64_MAX, 0, -1}));
		else
			ids[i] = rnd(r, 200) - 20;
		buf_u64(b, (uint64_t) ids[i]);
	}
	if (chance(r, 15))
	{
		if (chance(r, 50))
			b->len = rnd(r, (int) b->len + 1);
		else
			for (int k = 1 + rnd(r, 9); k > 0; k--)
			{
				char		ch = (char) rnd(r, 256);

				buf_put(b, &ch, 1);
			}
	}
	c->result_format = 1;
	c->oracle = 1;
	c->valid = b->len >= 4 && (int32_t) get_u32((uint8_t *) b->data) >= 0 &&
		b->len == 4 + 8 * (size_t) (int32_t) get_u32((uint8_t *) b->data);
	if (c->valid)
	{
		int			m = (int32_t) get_u32((uint8_t *) b->data);

		/* expected: sorted, distinct (insertion sort; m is small) */
		for (int i = 0; i < m; i++)
		{
			int64_t		v = (int64_t) get_u64((uint8_t *) b->data + 4 + 8 * i);
			int			j;

			for (j = 0; j < kept && ids[j] < v; j++)
				;
			if (j < kept && ids[j] == v)
				continue;
			memmove(ids + j + 1, ids + j, sizeof(int64_t) * (kept - j));
			ids[j] = v;
			kept++;
		}
		buf_u32(&c->expect, (uint32_t) kept);
		for (int i = 0; i < kept; i++)
			buf_u64(&c->expect, (uint64_t) ids[i]);
	}
	free(ids);
}

static void
make_emb_in(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	Buf		   *b;
	int			dim = chance(r, 95) ? 1 + rnd(r, 8) : gen_dim(r);

	c->kind = "embedding_in";
	/* accepted input must print and read back to an equal value */
	sql(c, "SELECT $1::text, $1::text::recfair.embedding OPERATOR(recfair.=) $1");
	b = param(c, embedding_oid, "", 0);
	if (dim < 1 || dim > 16001)
		dim = rnd(r, 2);
	if (chance(r, 3))
		buf_printf(b, "%s", PICK(r, ((const char *[]) {"[]", "[", "]", "", " ", "[1]x",
			" [ 1 , 2 ] ", "[1,,2]", "[,]", "[1e-46]", "[1e39]", "[-1e39]", "[nan]",
		"[0x1p-149]", "[1.4e-45]", "[-0]", "{1,2}", "(1)", "[1 2]"})));
	else
	{
		if (chance(r, 5))
			buf_printf(b, "%s", PICK(r, ((const char *[]) {" ", "\t", "\n "})));
		gen_emb_text(r, b, dim, false);
		if (chance(r, 50))
			mutate_text(r, b);
	}
	c->oracle = 2;
}

static void
make_idset_in(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	Buf		   *b;

	c->kind = "idset_in";
	sql(c, "SELECT $1::text, $1::text::recfair.idset OPERATOR(recfair.=) $1, "
		"$1::bigint[] = coalesce((SELECT array_agg(DISTINCT v ORDER BY v) FROM unnest($2::text::bigint[]) v), '{}')");
	b = param(c, idset_oid, "", 0);
	if (chance(r, 10))
		buf_printf(b, "%s", PICK(r, ((const char *[]) {"{}", "{", "}", "", "{NULL}",
			"{{1},{2}}", "{1,2", "[1:2]={5,3}", "{\"1\",\" 2 \"}", "{9223372036854775808}",
		"{-9223372036854775809}", "{1;2}", "{{}}", "{1e3}", "{0x10}"})));
	else
	{
		int			n = chance(r, 95) ? rnd(r, 10) : rnd(r, 3000);

		buf_printf(b, "{");
		for (int i = 0; i < n; i++)
			buf_printf(b, "%s%" PRId64, i ? "," : "",
					   chance(r, 5) ? (int64_t) next64(r) : (int64_t) rnd(r, 100) - 10);
		buf_printf(b, "}");
		if (chance(r, 40))
			mutate_text(r, b);
	}
	param(c, 25, b->data, 0);
	c->oracle = 2;
}

static void
make_emb_typmod(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	char		num[32];
	const char *mod = gen_int(r, num);
	Buf		   *b;

	c->kind = "embedding_typmod";
	if (mod == NULL)
		mod = "1, 2";
	if (chance(r, 10))
		mod = PICK(r, ((const char *[]) {"'a'", "1,2", "0", "-1", "16001", "2147483648", "1.5"}));
	switch (rnd(r, 4))
	{
		case 0:
			sql(c, "SELECT $1::recfair.embedding(%s)", mod);
			break;
		case 1:
			sql(c, "SELECT $1::recfair.embedding::real[]::recfair.embedding(%s)", mod);
			break;
		case 2:
			sql(c, "SELECT recfair.embedding($1::recfair.embedding, %d, %s)", rnd(r, 10) - 2,
				chance(r, 50) ? "true" : "false");
			break;
		case 3:
			sql(c, "SELECT recfair.embedding_in($1::cstring, 0, %d)", rnd(r, 10) - 2);
			break;
	}
	b = param(c, 0, "", 0);
	gen_emb_text(r, b, 1 + rnd(r, 4), true);
}

static const char *
emb_arg(Ctx *x, int i, int dim)
{
	gen_emb_operand(x->r, &x->tmp[i], dim);
	return x->tmp[i].data;
}

static void
make_emb_ops(Ctx *x)
{
	static const char *binops[] = {"<#>", "<=>", "<->", "=", "<>", "<", "<=", ">", ">="};
	static const char *binfns[] = {"inner_product", "negative_inner_product",
		"cosine_similarity", "cosine_distance", "l2_distance", "embedding_cmp",
		"embedding_eq", "embedding_ne", "embedding_lt", "embedding_le",
	"embedding_gt", "embedding_ge"};
	static const char *unfns[] = {"dims", "norm", "normalize", "embedding_hash",
		"embedding_to_float4_array", "embedding_to_float8_array", "embedding_send",
	"embedding_out"};
	Rng		   *r = x->r;
	Case	   *c = x->c;
	int			da = 1 + rnd(r, 6);
	int			db = chance(r, 85) ? da : 1 + rnd(r, 6);

	if (chance(r, 2))
		da = 16000;
	switch (rnd(r, 6))
	{
		case 0:
			c->kind = "embedding_operators";
			sql(c, "SELECT $1::recfair.embedding OPERATOR(recfair.%s) $2::recfair.embedding", PICK(r, binops));
			break;
		case 1:
			c->kind = "embedding_functions";
			sql(c, "SELECT recfair.%s($1::recfair.embedding, $2::recfair.embedding)", PICK(r, binfns));
			break;
		case 2:
			c->kind = "embedding_functions";
			sql(c, "SELECT recfair.%s($1::recfair.embedding), length($2::text)", PICK(r, unfns));
			break;
		case 3:
			/* + and - agree with float4 arithmetic (which also raises 22003) */
			c->kind = "embedding_operators";
			{
				const char *op = chance(r, 50) ? "+" : "-";

				sql(c, "SELECT ($1::recfair.embedding OPERATOR(recfair.%s) $2::recfair.embedding)::real[] = "
					"ARRAY(SELECT a %s b FROM unnest($1::recfair.embedding::real[], $2::recfair.embedding::real[]) t(a, b))",
					op, op);
			}
			c->oracle = 2;
			break;
		case 4:
			/* embedding * real, both orders; agrees with float4mul */
			c->kind = "embedding_operators";
			sql(c, "SELECT ($1::recfair.embedding OPERATOR(recfair.*) $2::real)::real[] = "
				"ARRAY(SELECT a * $2::real FROM unnest($1::recfair.embedding::real[]) a), "
				"($2::real OPERATOR(recfair.*) $1::recfair.embedding) OPERATOR(recfair.=) recfair.embedding_mul($1, $2)");
			c->oracle = 2;
			param(c, 0, emb_arg(x, 0, da), 0);
			{
				char		num[64];

				param(c, 0, gen_real(r, num), 0);
			}
			return;
		case 5:
			/* casts from arrays */
			c->kind = "embedding_casts";
			{
				static const char *arrs[] = {"{}", "{NULL}", "{{1,2},{3,4}}", "{1e39}",
					"{1e-46}", "{NaN}", "{Infinity}", "{1,2,3}", "{-0}", "[0:1]={1,2}",
				"{1e-300}", "{1e300}", "{4.9e-324}"};

				sql(c, "SELECT $1::%s[]::recfair.embedding, recfair.array_to_embedding($1::%s[], %d, %s)",
					chance(r, 50) ? "real" : "double precision",
					chance(r, 50) ? "real" : "double precision",
					chance(r, 70) ? -1 : rnd(r, 6) - 1, chance(r, 50) ? "true" : "false");
				param(c, 0, chance(r, 50) ? PICK(r, arrs) : "{1,2,1e-40,3e38}", 0);
			}
			return;
	}
	param(c, 0, chance(r, 3) ? NULL : emb_arg(x, 0, da), 0);
	param(c, 0, chance(r, 3) ? NULL : emb_arg(x, 1, db), 0);
}

static void
make_emb_agg(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	Buf		   *b;
	int			n = rnd(r, 6);
	int			dim = 1 + rnd(r, 4);

	if (chance(r, 3))
	{
		/* parallel aggregation: partial states serialized, combined */
		char		num[64];
		const char *s = gen_real(r, num);

		c->kind = "embedding_aggregates";
		c->pre = "SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; "
			"SET LOCAL min_parallel_table_scan_size = 0; SET LOCAL max_parallel_workers_per_gather = 2";
		sql(c, "SELECT recfair.sum(e OPERATOR(recfair.*) '%s'::real), recfair.avg(e) FROM fz_emb WHERE id %% %d = 0",
			s ? s : "NULL", 1 + rnd(r, 7));
		return;
	}
	c->kind = "embedding_aggregates";
	sql(c, "SELECT recfair.sum(e), recfair.avg(e), count(e) FROM unnest($1::recfair.embedding[]) e");
	b = param(c, 0, "", 0);
	buf_printf(b, "{");
	for (int i = 0; i < n; i++)
	{
		if (chance(r, 10))
			buf_printf(b, "%sNULL", i ? "," : "");
		else
		{
			buf_printf(b, "%s\"", i ? "," : "");
			gen_emb_text(r, b, chance(r, 90) ? dim : 1 + rnd(r, 4), true);
			buf_printf(b, "\"");
		}
	}
	buf_printf(b, "}");
}

static void
make_idset_fns(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;

	c->kind = "idset_functions";
	switch (rnd(r, 4))
	{
		case 0:
			sql(c, "SELECT recfair.cardinality($1::recfair.idset), recfair.ids($1::recfair.idset), $1::recfair.idset::bigint[], "
				"length($2::text)");
			break;
		case 1:
			sql(c, "SELECT recfair.idset($1::bigint[]) OPERATOR(recfair.=) $1::bigint[]::recfair.idset, "
				"recfair.idset($1::bigint[]) OPERATOR(recfair.<>) recfair.idset($2::bigint[])");
			break;
		case 2:
			sql(c, "SELECT recfair.idset_send($1::recfair.idset), recfair.idset_out($1::recfair.idset), length($2::text)");
			break;
		case 3:
			sql(c, "SELECT recfair.idset_in($1::cstring), length($2::text)");
			break;
	}
	param(c, 0, gen_bigint_array(r, &x->tmp[0]), 0);
	param(c, 0, gen_bigint_array(r, &x->tmp[1]), 0);
}

static void
make_recommend(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	char		n1[32],
				n2[32],
				m[32];

	switch (rnd(r, 3))
	{
		case 0:
			c->kind = "recommend";
			sql(c, "SELECT count(*), sum(item_id), min(rank) FROM recfair.recommend($1::bigint, $2::int, $3::text, $4::boolean)");
			param(c, 0, gen_bigint(r, n1), 0);
			param(c, 0, gen_small(r, n2, 1, 20), 0);
			param(c, 0, gen_model(r, x->worker, m, false), 0);
			param(c, 0, gen_bool(r), 0);
			break;
		case 1:
			c->kind = "similar_items";
			sql(c, "SELECT count(*), sum(item_id) FROM recfair.similar_items($1::bigint, $2::int, $3::text)");
			param(c, 0, gen_bigint(r, n1), 0);
			param(c, 0, gen_small(r, n2, 1, 20), 0);
			param(c, 0, gen_model(r, x->worker, m, false), 0);
			break;
		case 2:
			c->kind = "recommend_for_items";
			sql(c, "SELECT count(*), sum(item_id) FROM recfair.recommend_for_items($1::bigint[], $2::int, $3::text)");
			param(c, 0, gen_bigint_array(r, &x->tmp[0]), 0);
			param(c, 0, gen_small(r, n2, 1, 20), 0);
			param(c, 0, gen_model(r, x->worker, m, false), 0);
			break;
	}
}

/* deficit_scale is the only fair-list option; the others are 0.5.0's, refused with a hint */
static const char *const fair_keys[] = {"deficit_scale", "amortized", "price", "exclude_seen", "strength"};

/*
 * A source as 0.6.0 takes it: a relation name for the regclass argument or
 * a query for the *_query one (now and then both, or neither), so that the
 * same strings reach both paths.
 */
static void
param_source(Rng *r, Case *c, const char *source, const char **query)
{
	bool		is_query = source != NULL &&
		(strncasecmp(source, "select", 6) == 0 || strncasecmp(source, "with", 4) == 0 ||
		 strncasecmp(source, "values", 6) == 0 || strncasecmp(source, "table ", 6) == 0);

	if (chance(r, W(4)))
		is_query = !is_query;
	param(c, 0, is_query && !chance(r, W(3)) ? NULL : source, 0);
	*query = is_query ? source : NULL;
}

static void
make_recommend_fair(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	char		n1[32],
				n2[32],
				n3[32],
				s[64],
				m[32];

	c->kind = "recommend_fair";
	sql(c, "SELECT count(*), sum(item_id), count(DISTINCT group_value) FROM recfair.recommend_fair("
		"$1::bigint, $2::int, $3::text, $4::text, $5::text, $6::real, $7::int, $8::jsonb, "
		"exclude_seen => $9::boolean, amortized => $10::boolean)");
	param(c, 0, gen_bigint(r, n1), 0);
	param(c, 0, gen_small(r, n2, 1, 20), 0);
	param(c, 0, gen_group_col(r), 0);
	param(c, 0, gen_model(r, x->worker, m, false), 0);
	param(c, 0, chance(r, 40) ? "equal" : gen_target(r), 0);
	param(c, 0, chance(r, 40) ? "1" : gen_real(r, s), 0);
	param(c, 0, chance(r, 50) ? NULL : gen_small(r, n3, 0, 200), 0);
	param(c, 0, chance(r, 60) ? "{}" : gen_options(r, &x->tmp[0], fair_keys, 5), 0);
	param(c, 0, chance(r, 80) ? "true" : gen_bool(r), 0);
	param(c, 0, chance(r, 30) ? "true" : chance(r, 80) ? "false" : gen_bool(r), 0);
}

static void
make_rerank_fair(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	char		n1[32],
				s[64];
	int			n = chance(r, 5) ? rnd(r, 500) : rnd(r, 12);
	int			ns = chance(r, 85) ? n : rnd(r, 12);
	int			ng = chance(r, 85) ? n : rnd(r, 12);
	Buf		   *b;

	c->kind = "rerank_fair";
	sql(c, "SELECT count(*), sum(item_id), count(DISTINCT group_value) FROM recfair.rerank_fair("
		"$1::bigint[], $2::real[], $3::text[], $4::int, $5::text, $6::real)");
	b = param(c, 0, "{", 0);
	for (int i = 0; i < n; i++)
		buf_printf(b, "%s%d", i ? "," : "", chance(r, 97) ? i + 1 : rnd(r, n + 1));
	buf_printf(b, "}");
	if (chance(r, 5))
	{
		b->len = 0;
		buf_printf(b, "%s", PICK(r, ((const char *[]) {"{NULL}", "{{1},{2}}", "{}",
		"{9223372036854775807,-9223372036854775808}"})));
	}
	b = param(c, 0, "{", 0);
	for (int i = 0; i < ns; i++)
	{
		char		num[64];
		const char *v = chance(r, 90) ? (sprintf(num, "%.6g", (double) rnd(r, 1000) / 1000), num) : gen_real(r, num);

		buf_printf(b, "%s%s", i ? "," : "", v ? v : "NULL");
	}
	buf_printf(b, "}");
	b = param(c, 0, "{", 0);
	for (int i = 0; i < ng; i++)
	{
		static const char *groups[] = {"a", "b", "c", "NULL", "\"\"", "Acme", "budget"};

		buf_printf(b, "%s%s", i ? "," : "", chance(r, 80) ? groups[rnd(r, 3)] : PICK(r, groups));
	}
	buf_printf(b, "}");
	if (chance(r, 5))
		c->isnull[c->nparams - 1 - rnd(r, 3)] = true;
	param(c, 0, gen_small(r, n1, 1, 12), 0);
	param(c, 0, chance(r, 40) ? "equal" : gen_target(r), 0);
	param(c, 0, chance(r, 40) ? "1" : gen_real(r, s), 0);
}

static const char *
gen_users_source(Rng *r)
{
	static const char *src[] = {"fz_test", "fz_test", "fz_users", "public.fz_test",
		"SELECT user_id FROM fz_test", "SELECT user_id, item_id FROM fz_test WHERE false",
		"no_such_table", "SELECT 1 AS user_id", "SELECT NULL::bigint AS user_id",
		"SELECT 'x'::text AS user_id", "VALUES (1)", "WITH u AS (SELECT 1::bigint AS user_id) SELECT * FROM u",
		"TABLE fz_test", "SELECT user_id::int AS user_id FROM fz_users",
	"SELECT -9223372036854775808::bigint AS user_id", "fz_items"};

	if (chance(r, W(25)))
		return NULL;
	if (chance(r, W(8)))
		return gen_junk_text(r);
	return PICK(r, src);
}

static void
make_exposure_report(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	char		n1[32],
				n2[32],
				s[64],
				m[32];
	const char *query;

	c->kind = "exposure_report";
	sql(c, "SELECT count(*), sum(items) FROM recfair.exposure_report($1::text, $2::text, $3::int, $4::boolean, "
		"$5::regclass, $6::text, $7::real, $8::boolean, $9::int, $10::text, $11::jsonb)");
	param(c, 0, gen_model(r, x->worker, m, false), 0);
	param(c, 0, gen_group_col(r), 0);
	param(c, 0, gen_small(r, n1, 1, 12), 0);
	param(c, 0, gen_bool(r), 0);
	param_source(r, c, gen_users_source(r), &query);
	param(c, 0, chance(r, 40) ? "equal" : gen_target(r), 0);
	param(c, 0, chance(r, 40) ? "1" : gen_real(r, s), 0);
	param(c, 0, gen_bool(r), 0);
	param(c, 0, chance(r, 60) ? NULL : gen_small(r, n2, 0, 200), 0);
	param(c, 0, query, 0);
	param(c, 0, chance(r, 70) ? "{}" : gen_options(r, &x->tmp[0], fair_keys, 5), 0);
}

/* deficit_scale is evaluate's only option; the others are 0.5.0's, refused with a hint */
static const char *const evaluate_keys[] = {"deficit_scale", "attack", "group_col", "candidates", "price",
"relevant_min"};

static const char *
gen_test_source(Rng *r)
{
	static const char *src[] = {"fz_test", "fz_test", "fz_test", "fz_train",
		"SELECT user_id, item_id, weight FROM fz_test",
		"SELECT user_id, item_id FROM fz_test WHERE false",
		"SELECT user_id, item_id, 'NaN'::real AS weight FROM fz_test",
		"SELECT user_id, item_id, -weight AS weight FROM fz_test",
		"SELECT user_id, item_id, 1e38::real AS weight FROM fz_test",
		"SELECT user_id, item_id, 3e38::real AS weight FROM fz_test UNION ALL SELECT user_id, item_id, 3e38::real FROM fz_test",
		"SELECT user_id, item_id, 1e-45::real AS weight FROM fz_test",
		"SELECT user_id, item_id, 0::real AS weight FROM fz_test",
		"SELECT 1::bigint AS user_id, item_id, weight FROM fz_test",
		"SELECT user_id, 1::bigint AS item_id, weight FROM fz_test",
		"SELECT user_id, item_id, weight FROM fz_test WHERE user_id < 3",
		"SELECT user_id::text AS user_id, item_id FROM fz_test",
		"SELECT NULL::bigint AS user_id, item_id FROM fz_test",
		"SELECT user_id, item_id, NULL::real AS weight FROM fz_test",
		"SELECT user_id, -item_id AS item_id, weight FROM fz_test",
		"SELECT user_id::smallint AS user_id, item_id::smallint AS item_id, weight FROM fz_test",
		"SELECT user_id, item_id, weight::numeric AS weight FROM fz_test",
		"SELECT user_id, item_id, weight::text AS weight FROM fz_test",
		"VALUES (1::bigint, 2::bigint)", "TABLE fz_test", "no_such_table", "fz_items",
		"SELECT 9223372036854775807 AS user_id, 1::bigint AS item_id",
		"WITH t AS (SELECT * FROM fz_test LIMIT 5) SELECT * FROM t",
	"SELECT * FROM fz_test; SELECT 1"};

	if (chance(r, W(5)))
		return NULL;
	if (chance(r, W(8)))
		return gen_junk_text(r);
	return PICK(r, src);
}

static void
make_evaluate(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	static const char *cols[] = {"user_id", "item_id", "weight", "ts", "no_col", "brand", "segment", ""};
	char		n1[32],
				n2[32],
				n3[32],
				s[64],
				m[32];
	const char *query;

	c->kind = "evaluate";
	if (chance(r, 10))
		c->pre = "SET LOCAL recfair.training_memory_limit = '1MB'";
	sql(c, "SELECT count(*), count(value) FROM recfair.evaluate($1::text, $2::regclass, $3::int, $4::jsonb, "
		"user_col => $5::text, item_col => $6::text, rating_col => $7::text, relevant_min => $8::float8, "
		"group_col => $9::text, fair => $10::boolean, target => $11::text, strength => $12::real, "
		"candidates => $13::int, amortized => $14::boolean, user_group_col => $15::text, test_query => $16::text)");
	param(c, 0, gen_model(r, x->worker, m, false), 0);
	param_source(r, c, gen_test_source(r), &query);
	param(c, 0, gen_small(r, n1, 1, 12), 0);
	param(c, 0, chance(r, 80) ? "{}" : gen_options(r, &x->tmp[0], evaluate_keys, 6), 0);
	param(c, 0, chance(r, 85) ? NULL : PICK(r, cols), 0);
	param(c, 0, chance(r, 85) ? NULL : PICK(r, cols), 0);
	param(c, 0, chance(r, 75) ? NULL : chance(r, 70) ? "weight" : PICK(r, cols), 0);
	param(c, 0, chance(r, 75) ? NULL : gen_real(r, s), 0);
	param(c, 0, chance(r, 50) ? NULL : gen_group_col(r), 0);
	param(c, 0, chance(r, 60) ? "false" : gen_bool(r), 0);
	param(c, 0, chance(r, 60) ? "equal" : gen_target(r), 0);
	param(c, 0, chance(r, 60) ? "1" : gen_real(r, n3), 0);
	param(c, 0, chance(r, 70) ? NULL : gen_small(r, n2, 0, 200), 0);
	param(c, 0, chance(r, 70) ? "false" : gen_bool(r), 0);
	param(c, 0, chance(r, 80) ? NULL : PICK(r, ((const char *[]) {"segment", "no_col", "user_id", ""})), 0);
	param(c, 0, query, 0);
}

/* train's options, and 0.5.0's keys that are arguments now (refused with a hint) */
static const char *const train_keys[] = {"alpha", "confidence", "solver", "cg_steps", "seed", "items",
"learning_rate", "sampling", "adversarial", "item_bias", "fairness"};

static void
make_train(Ctx *x)
{
	static const char *algos[] = {"als", "bpr", "als_explicit", "popularity", "BPR", "", "ALS"};
	static const char *cols[] = {"user_id", "item_id", "weight", "ts", "no_col", "\"user_id\""};
	Rng		   *r = x->r;
	Case	   *c = x->c;
	static const char *tables[] = {"fz_items", "fz_users", "fz_test", "no_such_table", "fz_items_odd"};
	char		n1[32],
				n2[32],
				n3[32],
				s[64],
				m[32];
	const char *query;

	c->kind = "train";
	sql(c, "SELECT name, users, items FROM recfair.train($1::text, $2::regclass, $3::text, $4::text, $5::text, "
		"$6::text, $7::int, $8::int, $9::real, $10::jsonb, $11::bigint, $12::regclass, $13::text, $14::regclass, "
		"$15::text, $16::text)");
	param(c, 0, gen_model(r, x->worker, m, true), 0);
	param_source(r, c, gen_test_source(r), &query);
	param(c, 0, chance(r, 85) ? "user_id" : PICK(r, cols), 0);
	param(c, 0, chance(r, 85) ? "item_id" : PICK(r, cols), 0);
	param(c, 0, chance(r, 50) ? NULL : chance(r, 80) ? "weight" : PICK(r, cols), 0);
	param(c, 0, chance(r, W(5)) ? NULL : chance(r, W(30)) ? PICK(r, algos) :
		  PICK(r, ((const char *[]) {"als", "als", "als_explicit", "popularity", "bpr"})), 0);
	if (chance(r, 8))
	{
		/* many factors: over a small memory limit before allocating */
		sprintf(n1, "%d", 200 + rnd(r, 825));
		param(c, 0, n1, 0);
		c->pre = "SET LOCAL recfair.training_memory_limit = '1MB'";
	}
	else
		param(c, 0, gen_small(r, n1, 1, 8), 0);
	param(c, 0, gen_small(r, n2, 1, 3), 0);
	param(c, 0, chance(r, 70) ? "0.1" : gen_real(r, s), 0);
	param(c, 0, chance(r, 30) ? "{}" : gen_options(r, &x->tmp[0], train_keys, 11), 0);
	param(c, 0, chance(r, 80) ? "42" : gen_small(r, n3, -5, 5), 0);
	param(c, 0, chance(r, 70) ? NULL : PICK(r, tables), 0);
	param(c, 0, chance(r, 90) ? "item_id" : PICK(r, cols), 0);
	param(c, 0, chance(r, 80) ? NULL : PICK(r, tables), 0);
	param(c, 0, chance(r, 90) ? "user_id" : PICK(r, cols), 0);
	param(c, 0, query, 0);
	/* the model just trained (whatever its data) serves, fairly too, and is evaluated */
	if (!c->isnull[0] && strncmp(c->values[0].data, "fzw", 3) == 0)
		buf_printf(&c->post,
				   "SELECT (SELECT count(*) FROM recfair.recommend(%d, 5, '%s')), "
				   "(SELECT count(*) FROM recfair.similar_items(%d, 5, '%s')), "
				   "(SELECT count(*) FROM recfair.recommend_for_items('{1,2,3}', 5, '%s')), "
				   "(SELECT count(*) FROM recfair.recommend_fair(%d, 5, 'brand', '%s', amortized => %s)), "
				   "(SELECT count(*) FROM recfair.evaluate('%s', 'fz_test', 5, group_col => 'price_tier', fair => true)), "
				   "(SELECT count(*) FROM recfair.exposure_report('%s', 'brand', 5, true))",
				   rnd(r, 300), c->values[0].data, rnd(r, 120), c->values[0].data,
				   c->values[0].data, rnd(r, 300), c->values[0].data,
				   chance(r, 50) ? "true" : "false", c->values[0].data, c->values[0].data);
}

/* split takes no options: these are 0.5.0's, refused with a hint */
static const char *const split_keys[] = {"seed", "time_col", "user_col"};

static void
make_split(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	static const char *cols[] = {"user_id", "item_id", "ts", "weight", "no_col", ""};
	char		s[64],
				n1[32];
	const char *query;

	c->kind = "split";
	sql(c, "SELECT count(*), sum(rows) FROM recfair.split($1::regclass, $2::text, $3::real, $4::text, $5::jsonb, "
		"$6::text, $7::text, $8::text, $9::bigint, $10::text)");
	param_source(r, c, gen_test_source(r), &query);
	param(c, 0, chance(r, 80) ? "fzs" : chance(r, 50) ? "fz" : gen_junk_text(r), 0);
	param(c, 0, chance(r, 50) ? "0.2" : gen_real(r, s), 0);
	param(c, 0, PICK(r, ((const char *[]) {"random", "time", "random", "time", "", "RANDOM", NULL})), 0);
	param(c, 0, chance(r, 80) ? "{}" : gen_options(r, &x->tmp[0], split_keys, 3), 0);
	param(c, 0, chance(r, 90) ? "user_id" : PICK(r, cols), 0);
	param(c, 0, chance(r, 90) ? "item_id" : PICK(r, cols), 0);
	param(c, 0, chance(r, 80) ? "ts" : PICK(r, cols), 0);
	param(c, 0, chance(r, 80) ? "42" : gen_small(r, n1, -5, 5), 0);
	param(c, 0, query, 0);
}

static void
make_generate(Ctx *x)
{
	Rng		   *r = x->r;
	Case	   *c = x->c;
	char		n1[32],
				n2[32],
				n3[32],
				n4[32];

	c->kind = "generate_dataset";
	sql(c, "SELECT count(*), sum(rows) FROM recfair.generate_dataset($1::text, $2::int, $3::int, $4::bigint, $5::int)");
	param(c, 0, chance(r, 80) ? "fzg" : chance(r, 50) ? "fz" : gen_junk_text(r), 0);
	param(c, 0, gen_small(r, n1, 1, 50), 0);
	param(c, 0, gen_small(r, n2, 1, 50), 0);
	param(c, 0, gen_small(r, n3, 0, 500), 0);
	param(c, 0, chance(r, 5) ? NULL : gen_small(r, n4, -5, 100), 0);
	/* big valid sizes cost seconds each: keep them out */
	for (int i = 1; i <= 3; i++)
		if (!c->isnull[i] && atol(c->values[i].data) > 100000)
			c->values[i].len = 0, buf_put(&c->values[i], "100", 3);
}

static void
make_admin(Ctx *x)
{
	static const char *keys[] = {"item_id", "user_id", "brand", "no_col", "", "\"item_id\"",
	"key_text", "g_num", "g_bool"};
	static const char *tables[] = {"fz_items", "fz_users", "public.fz_items", "no_such_table",
	"fz_test", "pg_class", "recfair.models", "fz_emb", "fz_items_odd"};
	Rng		   *r = x->r;
	Case	   *c = x->c;
	char		m[32];

	switch (rnd(r, 4))
	{
		case 0:
			c->kind = "register_tables";
			sql(c, "SELECT name, item_table, user_table FROM recfair.register_tables($1::text, $2::regclass, $3::text, $4::regclass, $5::text)");
			param(c, 0, gen_model(r, x->worker, m, true), 0);
			param(c, 0, chance(r, 20) ? NULL : PICK(r, tables), 0);
			param(c, 0, chance(r, 10) ? NULL : chance(r, 70) ? "item_id" : PICK(r, keys), 0);
			param(c, 0, chance(r, 30) ? NULL : PICK(r, tables), 0);
			param(c, 0, chance(r, 10) ? NULL : chance(r, 70) ? "user_id" : PICK(r, keys), 0);
			if (!c->isnull[0] && strncmp(c->values[0].data, "fzw", 3) == 0)
			{
				const char *g = gen_group_col(r);
				const char *ug = gen_group_col(r);

				/* the newly registered tables serve; group names are plain words here */
				if (g && strspn(g, "abcdefghijklmnopqrstuvwxyz_") == strlen(g) &&
					ug && strspn(ug, "abcdefghijklmnopqrstuvwxyz_") == strlen(ug))
					buf_printf(&c->post,
							   "SELECT (SELECT count(*) FROM recfair.recommend_fair(%d, 5, '%s', '%s', target => '%s', amortized => %s)), "
							   "(SELECT count(*) FROM recfair.evaluate('%s', 'fz_test', 5, group_col => '%s', user_group_col => '%s', fair => true)), "
							   "(SELECT count(*) FROM recfair.exposure_report('%s', '%s', 5, true))",
							   rnd(r, 300), g, c->values[0].data, chance(r, 50) ? "equal" : "catalog",
							   chance(r, 50) ? "true" : "false", c->values[0].data, g, ug,
							   c->values[0].data, g);
			}
			break;
		case 1:
			c->kind = "drop_model";
			sql(c, "SELECT recfair.drop_model($1::text), (SELECT count(*) FROM recfair.item_factors WHERE model = $1::text)");
			param(c, 0, gen_model(r, x->worker, m, true), 0);
			break;
		case 2:
			c->kind = "reset_fair_exposure";
			sql(c, "SELECT recfair.reset_fair_exposure($1::text, $2::text)");
			param(c, 0, chance(r, 20) ? NULL : gen_model(r, x->worker, m, true), 0);
			param(c, 0, gen_group_col(r), 0);
			break;
		case 3:
			c->kind = "build_info";
			sql(c, "SELECT recfair.build_info()->>'recfair'");
			break;
	}
}

typedef struct Maker
{
	void		(*make) (Ctx *x);
	int			weight;
} Maker;

static const Maker makers[] = {
	{make_emb_recv, 160},
	{make_idset_recv, 90},
	{make_emb_in, 120},
	{make_idset_in, 60},
	{make_emb_typmod, 30},
	{make_emb_ops, 180},
	{make_emb_agg, 40},
	{make_idset_fns, 40},
	{make_recommend, 80},
	{make_recommend_fair, 120},
	{make_rerank_fair, 80},
	{make_exposure_report, 40},
	{make_evaluate, 50},
	{make_train, 50},
	{make_split, 25},
	{make_generate, 20},
	{make_admin, 30},
};

static void
make_case(Ctx *x)
{
	int			total = 0,
				pick;

	for (size_t i = 0; i < sizeof(makers) / sizeof(makers[0]); i++)
		total += makers[i].weight;
	pick = rnd(x->r, total);
	if (chance(x->r, 5))
	{
		static const char *settings[] = {
			"SET LOCAL recfair.default_model = 'fz'",
			"SET LOCAL recfair.default_model = 'no_such_model'",
			"SET LOCAL recfair.default_model = ''",
			"SET LOCAL recfair.threads = 2",
			"SET LOCAL recfair.threads = 0",
		};

		/* a case kind may replace it with its own */
		x->c->pre = PICK(x->r, settings);
	}
	for (size_t i = 0; i < sizeof(makers) / sizeof(makers[0]); i++)
	{
		if (pick < makers[i].weight)
		{
			makers[i].make(x);
			return;
		}
		pick -= makers[i].weight;
	}
}

/* ---------------------------------------------------------------- known bugs */

/*
 * test/fuzz/known-bugs: lines "kind sqlstate message-substring", bugs in
 * files this harness does not fix; '#' starts a comment.
 */
typedef struct Known
{
	char		kind[64];
	char		sqlstate[6];
	char		message[256];
} Known;

static Known *known;
static int	nknown;

static void
load_known(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[512];

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	while (fgets(line, sizeof(line), f))
	{
		char	   *p = line;
		Known		k;
		int			off;

		line[strcspn(line, "\n")] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\0')
			continue;
		memset(&k, 0, sizeof(k));
		if (sscanf(p, "%63s %5s %n", k.kind, k.sqlstate, &off) < 2)
		{
			fprintf(stderr, "fuzz: bad line in %s: %s\n", path, line);
			exit(2);
		}
		snprintf(k.message, sizeof(k.message), "%s", p + off);
		known = realloc(known, sizeof(Known) * (nknown + 1));
		known[nknown++] = k;
	}
	fclose(f);
}

static bool
is_known(const char *kind, const char *sqlstate, const char *message)
{
	for (int i = 0; i < nknown; i++)
		if (strcmp(known[i].kind, kind) == 0 && strcmp(known[i].sqlstate, sqlstate) == 0 &&
			strstr(message, known[i].message) != NULL)
			return true;
	return false;
}

/* ---------------------------------------------------------------- tally */

typedef struct Tally
{
	char		kind[32];
	char		sqlstate[6];
	char		file[40];
	long		count;
} Tally;

static Tally *tallies;
static int	ntallies;

static void
tally(const char *kind, const char *sqlstate, const char *file)
{
	for (int i = 0; i < ntallies; i++)
		if (strcmp(tallies[i].kind, kind) == 0 && strcmp(tallies[i].sqlstate, sqlstate) == 0 &&
			strcmp(tallies[i].file, file) == 0)
		{
			tallies[i].count++;
			return;
		}
	tallies = realloc(tallies, sizeof(Tally) * (ntallies + 1));
	snprintf(tallies[ntallies].kind, sizeof(tallies[0].kind), "%s", kind);
	snprintf(tallies[ntallies].sqlstate, sizeof(tallies[0].sqlstate), "%s", sqlstate);
	snprintf(tallies[ntallies].file, sizeof(tallies[0].file), "%s", file);
	tallies[ntallies].count = 1;
	ntallies++;
}

/* ---------------------------------------------------------------- running */

static uint64_t seed;
static const char *show;		/* FUZZ_SHOW="kind sqlstate": print such cases */

static void
print_value(FILE *out, const Buf *b, int format)
{
	if (format == 1)
	{
		fprintf(out, "'\\x");
		for (size_t i = 0; i < b->len; i++)
			fprintf(out, "%02x", (uint8_t) b->data[i]);
		fprintf(out, "' (binary)");
		return;
	}
	fputc('\'', out);
	for (size_t i = 0; i < b->len && i < 2000; i++)
	{
		if (b->data[i] == '\'')
			fputc('\'', out);
		fputc(b->data[i], out);
	}
	fprintf(out, "%s'", b->len > 2000 ? "...(cut)" : "");
}

static void
print_case(FILE *out, long id, const Case *c)
{
	fprintf(out, "case %ld (%s), replay: FUZZ_SEED=%" PRIu64 " test/fuzz/run.sh --case %ld\n",
			id, c->kind, seed, id);
	fprintf(out, "  SQL: %s\n", c->sql.data);
	for (int i = 0; i < c->nparams; i++)
	{
		fprintf(out, "  $%d = ", i + 1);
		if (c->isnull[i])
			fprintf(out, "NULL");
		else
			print_value(out, &c->values[i], c->formats[i]);
		fprintf(out, "\n");
	}
}

static PGconn *
connect_db(void)
{
	PGconn	   *conn = PQconnectdb("");
	PGresult   *res;

	if (PQstatus(conn) != CONNECTION_OK)
	{
		fprintf(stderr, "fuzz: cannot connect: %s", PQerrorMessage(conn));
		exit(2);
	}
	/* errors are counted here (-o); the server log keeps crashes and reports */
	res = PQexec(conn, "SET client_min_messages = error; SET statement_timeout = '4s'; "
				 "SET lock_timeout = '1s'; SET recfair.threads = 1; "
				 "SET recfair.training_memory_limit = '64MB'; SET log_min_messages = fatal; "
				 "SET log_min_error_statement = panic; SET search_path = public");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
	{
		fprintf(stderr, "fuzz: session setup failed: %s", PQerrorMessage(conn));
		exit(2);
	}
	PQclear(res);
	return conn;
}

static void
noop_notice(void *arg, const char *message)
{
	(void) arg;
	(void) message;
}

static bool
exec_simple(PGconn *conn, const char *q)
{
	PGresult   *res = PQexec(conn, q);
	bool		ok = PQresultStatus(res) == PGRES_COMMAND_OK;

	PQclear(res);
	return ok;
}

/* Run one case; false when it fails the run. */
static bool
run_case(PGconn *conn, long id, Case *c, bool verbose)
{
	const char *values[MAX_PARAMS];
	int			lengths[MAX_PARAMS];
	PGresult   *res;
	ExecStatusType st;
	bool		ok = true;

	for (int i = 0; i < c->nparams; i++)
	{
		values[i] = c->isnull[i] ? NULL : c->values[i].data;
		lengths[i] = (int) c->values[i].len;
	}
	if (!exec_simple(conn, "BEGIN"))
	{
		print_case(stderr, id, c);
		fprintf(stderr, "fuzz: BEGIN failed: %s", PQerrorMessage(conn));
		return false;
	}
	if (c->pre && !exec_simple(conn, c->pre))
	{
		print_case(stderr, id, c);
		fprintf(stderr, "fuzz: %s failed: %s", c->pre, PQerrorMessage(conn));
		return false;
	}
	res = PQexecParams(conn, c->sql.data, c->nparams, c->types, values, lengths,
					   c->formats, c->result_format);
	st = PQresultStatus(res);
	if (verbose)
	{
		print_case(stdout, id, c);
		if (st == PGRES_TUPLES_OK && PQntuples(res) > 0)
			for (int j = 0; j < PQnfields(res); j++)
				printf("  result %d: %s\n", j + 1, c->result_format ? "(binary)" : PQgetvalue(res, 0, j));
		else
			printf("  %s", PQresultErrorMessage(res));
	}
	if (st == PGRES_FATAL_ERROR)
	{
		const char *sqlstate = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		const char *file = PQresultErrorField(res, PG_DIAG_SOURCE_FILE);
		const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);

		if (PQstatus(conn) != CONNECTION_OK || sqlstate == NULL)
		{
			print_case(stderr, id, c);
			fprintf(stderr, "fuzz: the connection did not survive: %s", PQerrorMessage(conn));
			PQclear(res);
			return false;
		}
		tally(c->kind, sqlstate, file ? file : "?");
		if (show && strstr(show, c->kind) && strstr(show, sqlstate))
		{
			print_case(stdout, id, c);
			printf("  -> %s", PQresultErrorMessage(res));
		}
		if ((strncmp(sqlstate, "XX", 2) == 0 || strncmp(sqlstate, "58", 2) == 0 ||
			 strncmp(sqlstate, "08", 2) == 0) && !is_known(c->kind, sqlstate, msg ? msg : ""))
		{
			print_case(stderr, id, c);
			fprintf(stderr, "fuzz: SQLSTATE %s (%s) is not for user input: %s",
					sqlstate, file ? file : "?", PQresultErrorMessage(res));
			ok = false;
		}
		if (c->oracle == 1 && c->valid)
		{
			print_case(stderr, id, c);
			fprintf(stderr, "fuzz: well-formed binary input refused: %s", PQresultErrorMessage(res));
			ok = false;
		}
	}
	else if (st == PGRES_TUPLES_OK)
	{
		tally(c->kind, "00000", "");
		if (c->oracle == 1)
		{
			const char *v = PQgetvalue(res, 0, 0);
			int			len = PQgetlength(res, 0, 0);

			if (!c->valid)
			{
				print_case(stderr, id, c);
				fprintf(stderr, "fuzz: malformed binary input accepted\n");
				ok = false;
			}
			else if ((size_t) len != c->expect.len || memcmp(v, c->expect.data, len) != 0)
			{
				print_case(stderr, id, c);
				fprintf(stderr, "fuzz: binary value did not come back as expected\n");
				ok = false;
			}
		}
		else if (c->oracle == 2)
		{
			for (int j = 0; j < PQnfields(res); j++)
				if (PQftype(res, j) == 16 && !PQgetisnull(res, 0, j) &&
					strcmp(PQgetvalue(res, 0, j), "t") != 0)
				{
					print_case(stderr, id, c);
					fprintf(stderr, "fuzz: check %d of the result is false\n", j + 1);
					ok = false;
				}
		}
	}
	else
	{
		print_case(stderr, id, c);
		fprintf(stderr, "fuzz: unexpected result status %s: %s", PQresStatus(st), PQerrorMessage(conn));
		ok = false;
	}
	PQclear(res);
	if (ok && st == PGRES_TUPLES_OK && c->post.len > 0)
	{
		res = PQexec(conn, c->post.data);
		if (PQresultStatus(res) == PGRES_FATAL_ERROR)
		{
			const char *sqlstate = PQresultErrorField(res, PG_DIAG_SQLSTATE);
			const char *file = PQresultErrorField(res, PG_DIAG_SOURCE_FILE);
			const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);

			if (verbose)
				printf("  then: %s  -> %s", c->post.data, PQresultErrorMessage(res));
			if (PQstatus(conn) != CONNECTION_OK || sqlstate == NULL)
			{
				print_case(stderr, id, c);
				fprintf(stderr, "  then: %s\nfuzz: the connection did not survive: %s",
						c->post.data, PQerrorMessage(conn));
				PQclear(res);
				return false;
			}
			tally("serve_trained", sqlstate, file ? file : "?");
			if ((strncmp(sqlstate, "XX", 2) == 0 || strncmp(sqlstate, "58", 2) == 0 ||
				 strncmp(sqlstate, "08", 2) == 0) && !is_known("serve_trained", sqlstate, msg ? msg : ""))
			{
				print_case(stderr, id, c);
				fprintf(stderr, "  then: %s\nfuzz: SQLSTATE %s (%s) is not for user input: %s",
						c->post.data, sqlstate, file ? file : "?", PQresultErrorMessage(res));
				ok = false;
			}
		}
		else
			tally("serve_trained", "00000", "");
		PQclear(res);
	}
	if (PQstatus(conn) != CONNECTION_OK || !exec_simple(conn, "ROLLBACK"))
	{
		print_case(stderr, id, c);
		fprintf(stderr, "fuzz: the connection did not survive: %s", PQerrorMessage(conn));
		return false;
	}
	return ok;
}

static unsigned int
type_oid(PGconn *conn, const char *name)
{
	const char *values[1] = {name};
	PGresult   *res = PQexecParams(conn, "SELECT $1::regtype::oid", 1, NULL, values, NULL, NULL, 0);
	unsigned int oid;

	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		fprintf(stderr, "fuzz: %s", PQerrorMessage(conn));
		exit(2);
	}
	oid = (unsigned int) strtoul(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return oid;
}

static int
run_worker(int worker, int nworkers, long ncases, long only, const char *codes)
{
	PGconn	   *conn = connect_db();
	Case		c;
	Ctx			x;
	Rng			r;
	long		failures = 0,
				errors = 0,
				done = 0;

	PQsetNoticeProcessor(conn, noop_notice, NULL);
	embedding_oid = type_oid(conn, "recfair.embedding");
	idset_oid = type_oid(conn, "recfair.idset");
	memset(&c, 0, sizeof(c));
	memset(&x, 0, sizeof(x));
	x.r = &r;
	x.c = &c;
	x.worker = worker;
	for (long id = only >= 0 ? only : worker; id < (only >= 0 ? only + 1 : ncases);
		 id += only >= 0 ? 1 : nworkers)
	{
		r.s = seed ^ ((uint64_t) id * 0xd1342543de82ef95ULL);
		next64(&r);
		case_reset(&c);
		wild = chance(&r, 50);
		make_case(&x);
		if (!run_case(conn, id, &c, only >= 0))
		{
			failures++;
			if (PQstatus(conn) != CONNECTION_OK || failures >= 10)
				break;
		}
		done++;
	}
	for (int i = 0; i < ntallies; i++)
		if (strcmp(tallies[i].sqlstate, "00000") != 0)
			errors += tallies[i].count;
	if (codes)
	{
		FILE	   *f = fopen(codes, "w");

		if (f == NULL)
		{
			perror(codes);
			return 2;
		}
		for (int i = 0; i < ntallies; i++)
			fprintf(f, "%s %s %s %ld\n", tallies[i].kind, tallies[i].sqlstate,
					tallies[i].file[0] ? tallies[i].file : "-", tallies[i].count);
		fclose(f);
	}
	fprintf(stderr, "fuzz: worker %d: %ld cases, %ld errors, %ld failures\n",
			worker, done, errors, failures);
	PQfinish(conn);
	return failures ? 1 : 0;
}

int
main(int argc, char **argv)
{
	long		ncases = 100000,
				only = -1;
	int			nworkers = 2,
				opt,
				status = 0;
	const char *codes = NULL;
	struct timespec t0,
				t1;

	seed = (uint64_t) time(NULL);
	show = getenv("FUZZ_SHOW");
	while ((opt = getopt(argc, argv, "s:n:w:c:k:o:")) != -1)
	{
		switch (opt)
		{
			case 's':
				seed = strtoull(optarg, NULL, 10);
				break;
			case 'n':
				ncases = atol(optarg);
				break;
			case 'w':
				nworkers = atoi(optarg);
				break;
			case 'c':
				only = atol(optarg);
				break;
			case 'k':
				load_known(optarg);
				break;
			case 'o':
				codes = optarg;
				break;
			default:
				fprintf(stderr, "usage: %s [-s SEED] [-n CASES] [-w WORKERS] [-c CASE] [-k KNOWN] [-o CODES]\n", argv[0]);
				return 2;
		}
	}
	printf("fuzz: seed %" PRIu64 ", %ld cases, %d workers\n", seed, only >= 0 ? 1 : ncases,
		   only >= 0 ? 1 : nworkers);
	fflush(stdout);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (only >= 0)
		return run_worker(0, 1, ncases, only, codes);
	for (int w = 0; w < nworkers; w++)
	{
		if (fork() == 0)
		{
			char		path[4096];

			if (codes)
				snprintf(path, sizeof(path), "%s.%d", codes, w);
			_exit(run_worker(w, nworkers, ncases, -1, codes ? path : NULL));
		}
	}
	for (int w = 0; w < nworkers; w++)
	{
		int			ws;

		if (wait(&ws) < 0 || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0)
			status = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("fuzz: %ld cases in %.1f s\n", ncases,
		   (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return status;
}

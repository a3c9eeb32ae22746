/*-------------------------------------------------------------------------
 *
 * linalg.c
 *	  Everything that talks to OpenBLAS/LAPACK: for now the diagnostics that
 *	  tell a user which BLAS build and CPU kernels a backend is using.
 *
 * Debian's OpenBLAS 0.3.21 misdetects recent CPUs and falls back to slow
 * generic kernels ("Prescott"); recfair.build_info() shows the core it chose,
 * so that a user can decide to set OPENBLAS_CORETYPE (docs/performance.md).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <stdlib.h>

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

static void
AppendJsonPair(StringInfo buf, const char *key, const char *value, bool first)
{
	if (!first)
		appendStringInfoString(buf, ", ");
	escape_json(buf, key);
	appendStringInfoString(buf, ": ");
	if (value == NULL)
		appendStringInfoString(buf, "null");
	else
		escape_json(buf, value);
}

PG_FUNCTION_INFO_V1(recfair_build_info);
Datum
recfair_build_info(PG_FUNCTION_ARGS)
{
	StringInfoData buf;
	char		threads[16];

	snprintf(threads, sizeof(threads), "%d", openblas_get_num_threads());

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	AppendJsonPair(&buf, "recfair_version", RECFAIR_VERSION, true);
	AppendJsonPair(&buf, "postgres_version", PG_VERSION, false);
	AppendJsonPair(&buf, "openblas_config", openblas_get_config(), false);
	AppendJsonPair(&buf, "openblas_core", openblas_get_corename(), false);
	AppendJsonPair(&buf, "openblas_threads", threads, false);
	AppendJsonPair(&buf, "openblas_coretype_env", getenv("OPENBLAS_CORETYPE"), false);
	appendStringInfoChar(&buf, '}');

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

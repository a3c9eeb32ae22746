/*-------------------------------------------------------------------------
 *
 * linalg.c
 *	  Everything that talks to OpenBLAS/LAPACK about itself: the diagnostics
 *	  that tell a user which BLAS build and CPU kernels a backend is using,
 *	  and the checks that keep OpenBLAS's memory bounded.
 *
 * OpenBLAS 0.3.21 (driver/others/memory.c, blas_memory_alloc) gives every
 * thread that runs a level-3 routine, or a level-2 one too big for its stack
 * buffer, a buffer of BUFFER_SIZE = 32 << 22 bytes (128 MB, common_x86_64.h),
 * mapped on first use and kept until the process exits; each thread of its
 * own pool takes one as soon as it starts (blas_server.c, blas_thread_server),
 * and openblas_set_num_threads(n) starts n - 1 of them, never fewer than it
 * has.  When neither mmap nor its malloc fallback can get a buffer, it tries
 * again, forever, without a pause (memory.c, the do-while loop of
 * blas_memory_alloc): under an address-space limit (ulimit -v), strict
 * overcommit or RLIMIT_DATA the backend then spins, ignores cancel and
 * termination, and even its exit hangs, joining pool threads that spin.
 *
 * So recfair never lets OpenBLAS start threads (it runs single-threaded; our
 * own pool in parallel.c does the parallel work), and before a thread calls
 * BLAS it checks that a buffer can be mapped: BlasBackendCheck for the
 * backend's own thread, BlasThreadsThatFit for the compute threads.  The
 * check maps and unmaps the same size OpenBLAS would, so it fails (with
 * 53200) where OpenBLAS would spin.  It counts the buffer the backend
 * thread already had as free for a worker, but no others: it can be
 * pessimistic when OpenBLAS holds more free buffers from earlier calls.
 *
 * Debian's OpenBLAS 0.3.21 misdetects recent CPUs and falls back to slow
 * generic kernels ("Prescott"); recfair.build_info() shows the core it chose,
 * so that a user can decide to set OPENBLAS_CORETYPE (docs/design.md, "Kernels").
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "ceilings.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "linalg.h"
#include "parallel.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

/* OpenBLAS 0.3.21's buffer on x86-64: BUFFER_SIZE, plus the page its malloc fallback adds */
#define BLAS_BUFFER_BYTES ((Size) (32 << 22) + 4096)

/* The backend's own thread has had a buffer (kept by OpenBLAS until exit). */
static bool backend_buffer_mapped = false;

/*
 * How many (up to `count`) threads can have a stack of `stack_bytes` and,
 * but for the first `have_buffer`, a BLAS buffer, mapped as OpenBLAS maps
 * its buffers (private, anonymous, read-write)?  Maps them one by one and
 * unmaps them.
 */
static int
CanMap(int count, Size stack_bytes, int have_buffer)
{
	void	   *maps[RECFAIR_MAX_THREADS + 1];
	Size		sizes[RECFAIR_MAX_THREADS + 1];
	int			mapped = 0;

	Assert(count <= RECFAIR_MAX_THREADS + 1);
	while (mapped < count)
	{
		Size		bytes = stack_bytes + (mapped < have_buffer ? 0 : BLAS_BUFFER_BYTES);
		void	   *p = bytes == 0 ? NULL :
			mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			break;
		sizes[mapped] = bytes;
		maps[mapped++] = p;
	}
	for (int i = 0; i < mapped; i++)
		if (maps[i] != NULL)
			munmap(maps[i], sizes[i]);
	return mapped;
}

/* The soft address-space limit, as text for error details. */
static char *
AddressSpaceLimit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_AS, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
		return pstrdup("unlimited");
	return psprintf("%llu MB", (unsigned long long) rl.rlim_cur / (1024 * 1024));
}

/*
 * Make OpenBLAS single-threaded: recfair never uses its thread pool (see the
 * file header).  Cheap when it already is.
 */
static void
BlasSingleThreaded(void)
{
	openblas_set_num_threads(1);
}

/*
 * Before BLAS runs on the backend's own thread: single-threaded, and a buffer
 * for it can be mapped (53200 if not).  Once the backend has had one,
 * OpenBLAS keeps it, so the check runs until the first call succeeds.
 */
void
BlasBackendCheck(void)
{
	BlasSingleThreaded();
	if (backend_buffer_mapped)
		return;
	if (CanMap(1, 0, 0) < 1)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory for the BLAS buffer"),
				 errdetail("OpenBLAS needs %zu MB of address space per thread that calls it; the server's address-space limit is %s.",
						   BLAS_BUFFER_BYTES / (1024 * 1024) + 1, AddressSpaceLimit()),
				 errhint("Start the server with a larger address-space limit (ulimit -v), or free memory.")));
}

/* The backend thread's BLAS call returned: its buffer stays mapped. */
void
BlasBackendDone(void)
{
	backend_buffer_mapped = true;
}

/*
 * How many of `wanted` compute threads (each with a stack of `stack_bytes`)
 * can have a BLAS buffer: wanted, or fewer under an address-space limit.
 * Raises 53200 if not even one can.  Runs on the backend thread.
 */
int
BlasThreadsThatFit(int wanted, Size stack_bytes)
{
	int			n;

	BlasSingleThreaded();
	/* while the backend thread waits, the buffer it had is free for a worker */
	n = CanMap(Min(wanted, RECFAIR_MAX_THREADS), stack_bytes, backend_buffer_mapped ? 1 : 0);
	if (n < 1)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory for the BLAS buffer of a compute thread"),
				 errdetail("OpenBLAS needs %zu MB of address space per thread that calls it, and a thread's stack %zu MB; the server's address-space limit is %s.",
						   BLAS_BUFFER_BYTES / (1024 * 1024) + 1, stack_bytes / (1024 * 1024),
						   AddressSpaceLimit()),
				 errhint("Start the server with a larger address-space limit (ulimit -v), or free memory.")));
	if (n < wanted)
		ereport(DEBUG1,
				(errmsg("running %d compute threads instead of %d", n, wanted),
				 errdetail("There is no address space for more BLAS buffers.")));
	return n;
}

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

/* build_info(): the versions, OpenBLAS build and kernel, and effective settings, as jsonb. */
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
	/* the effective settings: the user's, capped by the superuser's ceilings */
	appendStringInfo(&buf, ", \"threads\": %d", ParallelThreads());
	appendStringInfo(&buf, ", \"training_memory_limit_kb\": %zu", TrainingMemoryLimit() / 1024);
	appendStringInfoChar(&buf, '}');

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

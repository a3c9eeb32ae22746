/*-------------------------------------------------------------------------
 *
 * parallel.c
 *	  A parallel for-loop on POSIX threads that is safe inside a backend.
 *
 * The rules (docs/design.md, "Threads"): compute threads never call PostgreSQL APIs,
 * block every signal (so that SIGINT, SIGTERM, SIGALRM for statement_timeout
 * and latch wakeups keep going to the backend's own thread), and are joined
 * before control returns.  The backend thread does no computing here: it
 * sleeps on a condition variable that the last worker signals, waking every
 * few milliseconds to look for a pending cancel or termination.  On cancel, timeout or
 * termination it raises a flag that the workers check between chunks, joins
 * them, and only then lets CHECK_FOR_INTERRUPTS() throw the error.  So a
 * cancel takes effect within one chunk of work plus the poll interval.
 *
 * Tasks are handed out in chunks through an atomic counter, which balances
 * users and items of very different degrees across threads.
 *
 * OpenBLAS is kept single-threaded (linalg.c): a BLAS call inside a worker
 * must not start a second layer of threads, and OpenBLAS's own threads each
 * hold a large buffer.  Each worker that calls BLAS gets such a buffer, so
 * the workers started are those whose buffer and stack can be mapped
 * (fewer under an address-space limit; an error if not even one), checked
 * before any starts: OpenBLAS would spin, uncancellable, on a buffer it
 * cannot map.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include "linalg.h"
#include "miscadmin.h"
#include "parallel.h"

#define POLL_INTERVAL_NS (5 * 1000 * 1000)

int			recfair_threads = 0;
int			recfair_max_threads = 0;

typedef struct ParallelJob
{
	ParallelWorkFn fn;
	void	   *arg;
	int64		ntasks;
	int64		chunk;
	volatile int64 next;		/* next task to hand out (atomic) */
	volatile int cancel;		/* set by the backend: stop taking chunks */
	int			running;		/* workers not yet finished, under mutex */
	pthread_mutex_t mutex;
	pthread_cond_t done;
} ParallelJob;

typedef struct WorkerArg
{
	ParallelJob *job;
	int			worker;
} WorkerArg;

/* The number of online CPUs (at least 1). */
static int
OnlineCpus(void)
{
	long		cpus = sysconf(_SC_NPROCESSORS_ONLN);

	return cpus > 0 ? (int) Min(cpus, INT_MAX) : 1;
}

/*
 * Threads to use: recfair.threads (0: one per CPU), capped by the superuser's
 * recfair.max_threads (0: one per CPU).  A user may lower the count but not
 * raise it above the ceiling.
 */
int
ParallelThreads(void)
{
	int			cpus = OnlineCpus();
	int			n = recfair_threads > 0 ? recfair_threads : cpus;
	int			max = recfair_max_threads > 0 ? recfair_max_threads : cpus;

	return Min(Min(n, max), RECFAIR_MAX_THREADS);
}

/* The stack a new thread gets (glibc: from RLIMIT_STACK), plus a guard page. */
static Size
ThreadStackBytes(void)
{
	pthread_attr_t attr;
	size_t		size = 8 * 1024 * 1024;

	if (pthread_attr_init(&attr) == 0)
	{
		pthread_attr_getstacksize(&attr, &size);
		pthread_attr_destroy(&attr);
	}
	return (Size) size + 4096;
}

static void *
WorkerMain(void *p)
{
	WorkerArg  *wa = (WorkerArg *) p;
	ParallelJob *job = wa->job;

	while (!job->cancel)
	{
		int64		start = __atomic_fetch_add(&job->next, job->chunk, __ATOMIC_RELAXED);

		if (start >= job->ntasks)
			break;
		job->fn(job->arg, start, Min(start + job->chunk, job->ntasks), wa->worker);
	}

	pthread_mutex_lock(&job->mutex);
	if (--job->running == 0)
		pthread_cond_signal(&job->done);
	pthread_mutex_unlock(&job->mutex);
	return NULL;
}

/*
 * Run fn over tasks [0, ntasks) in chunks, on ParallelThreads() threads.
 * Returns when all are done; throws the pending error if the query was
 * cancelled meanwhile (after the threads are joined).
 */
void
ParallelForRange(int64 ntasks, int64 chunk, ParallelWorkFn fn, void *arg)
{
	int			nthreads = ParallelThreads();
	pthread_t	threads[RECFAIR_MAX_THREADS];
	WorkerArg	args[RECFAIR_MAX_THREADS];
	ParallelJob job;
	sigset_t	all;
	sigset_t	saved;
	int			started = 0;
	bool		cancelled = false;

	if (ntasks <= 0)
		return;
	CHECK_FOR_INTERRUPTS();
	if (chunk < 1)
		chunk = 1;
	nthreads = (int) Min((int64) nthreads, (ntasks + chunk - 1) / chunk);
	nthreads = BlasThreadsThatFit(nthreads, ThreadStackBytes());

	job.fn = fn;
	job.arg = arg;
	job.ntasks = ntasks;
	job.chunk = chunk;
	job.next = 0;
	job.cancel = 0;
	job.running = nthreads;
	pthread_mutex_init(&job.mutex, NULL);
	pthread_cond_init(&job.done, NULL);

	/* Threads inherit the creating thread's mask: block everything. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &saved);
	for (int i = 0; i < nthreads; i++)
	{
		args[i].job = &job;
		args[i].worker = i;
		if (pthread_create(&threads[i], NULL, WorkerMain, &args[i]) != 0)
			break;
		started++;
	}
	pthread_sigmask(SIG_SETMASK, &saved, NULL);

	pthread_mutex_lock(&job.mutex);
	/* Workers that failed to start will never check out. */
	job.running -= nthreads - started;
	if (started == 0)
		job.cancel = 1;
	while (job.running > 0)
	{
		struct timespec deadline;

		clock_gettime(CLOCK_REALTIME, &deadline);
		deadline.tv_nsec += POLL_INTERVAL_NS;
		if (deadline.tv_nsec >= 1000000000L)
		{
			deadline.tv_sec++;
			deadline.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&job.done, &job.mutex, &deadline);
		if ((QueryCancelPending || ProcDiePending) && !job.cancel)
		{
			job.cancel = 1;
			cancelled = true;
		}
	}
	pthread_mutex_unlock(&job.mutex);

	for (int i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	pthread_mutex_destroy(&job.mutex);
	pthread_cond_destroy(&job.done);

	if (started == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_RESOURCES),
				 errmsg("could not start compute threads")));
	if (cancelled)
		CHECK_FOR_INTERRUPTS();
	/* The work is incomplete: never return as if it were done. */
	if (cancelled)
		ereport(ERROR,
				(errcode(ERRCODE_QUERY_CANCELED),
				 errmsg("computation interrupted")));
}

/*-------------------------------------------------------------------------
 *
 * parallel.c
 *	  A parallel for-loop on POSIX threads that is safe inside a backend.
 *
 * The rules (DESIGN section 6): compute threads never call PostgreSQL APIs,
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
 * OpenBLAS is told to use one thread while our workers run, so that a BLAS
 * call inside a worker does not start a second layer of threads.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <cblas.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include "miscadmin.h"
#include "parallel.h"

#define RECFAIR_MAX_THREADS 64
#define POLL_INTERVAL_NS (5 * 1000 * 1000)

int			recfair_threads = 0;

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

/* Threads to use: the GUC, or the number of online CPUs when it is 0. */
int
ParallelThreads(void)
{
	int			n = recfair_threads;

	if (n <= 0)
	{
		long		cpus = sysconf(_SC_NPROCESSORS_ONLN);

		n = cpus > 0 ? (int) cpus : 1;
	}
	return Min(n, RECFAIR_MAX_THREADS);
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

	job.fn = fn;
	job.arg = arg;
	job.ntasks = ntasks;
	job.chunk = chunk;
	job.next = 0;
	job.cancel = 0;
	job.running = nthreads;
	pthread_mutex_init(&job.mutex, NULL);
	pthread_cond_init(&job.done, NULL);

	openblas_set_num_threads(1);

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
	openblas_set_num_threads(ParallelThreads());

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

/*-------------------------------------------------------------------------
 *
 * parallel.h
 *	  Run a loop over independent tasks on compute threads, safely inside a
 *	  backend (docs/design.md, "Threads").
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_PARALLEL_H
#define RECFAIR_PARALLEL_H

/*
 * Work function: process tasks [start, end) as worker number `worker`
 * (0 .. nthreads-1).  It runs on a compute thread and must not call any
 * PostgreSQL API: no palloc, no ereport, no elog, no SPI.
 */
/* The most compute threads (the bound of recfair.threads and recfair.max_threads). */
#define RECFAIR_MAX_THREADS 64

typedef void (*ParallelWorkFn) (void *arg, int64 start, int64 end, int worker);

/* The GUC recfair.threads: compute threads for training and evaluation. */
extern int	recfair_threads;

/* The GUC recfair.max_threads (superuser only): the ceiling of recfair.threads. */
extern int	recfair_max_threads;

extern void ParallelForRange(int64 ntasks, int64 chunk, ParallelWorkFn fn, void *arg);
extern int	ParallelThreads(void);

#endif							/* RECFAIR_PARALLEL_H */

/*-------------------------------------------------------------------------
 *
 * parallel.h
 *	  Run a loop over independent tasks on compute threads, safely inside a
 *	  backend (DESIGN section 6).
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
typedef void (*ParallelWorkFn) (void *arg, int64 start, int64 end, int worker);

/* The GUC recfair.threads: compute threads for training and evaluation. */
extern int	recfair_threads;

extern void ParallelForRange(int64 ntasks, int64 chunk, ParallelWorkFn fn, void *arg);
extern int	ParallelThreads(void);

#endif							/* RECFAIR_PARALLEL_H */

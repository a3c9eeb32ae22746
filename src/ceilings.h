/*-------------------------------------------------------------------------
 *
 * ceilings.h
 *	  Resource ceilings that only a superuser can raise: the memory a
 *	  training or evaluation run may reserve (recfair.max_training_memory
 *	  over the user's recfair.training_memory_limit).  The thread ceiling,
 *	  recfair.max_threads, is applied in parallel.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_CEILINGS_H
#define RECFAIR_CEILINGS_H

#include "compat.h"

/* The GUC recfair.max_training_memory (superuser only), in kB. */
extern int	recfair_max_training_memory_kb;

/* The effective limit in bytes: the lower of the two settings. */
extern Size TrainingMemoryLimit(void);

/* Raise 53200 for a run that needs `needed` bytes, naming the limit that applied. */
extern recfair_noreturn void TrainingMemoryExceeded(Size needed, const char *what);

#endif							/* RECFAIR_CEILINGS_H */

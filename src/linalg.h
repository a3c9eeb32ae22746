/*-------------------------------------------------------------------------
 *
 * linalg.h
 *	  Keeping OpenBLAS single-threaded and its buffers within the memory the
 *	  backend can map (see linalg.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_LINALG_H
#define RECFAIR_LINALG_H

extern void BlasBackendCheck(void);
extern void BlasBackendDone(void);
extern int	BlasThreadsThatFit(int wanted, Size stack_bytes);

#endif							/* RECFAIR_LINALG_H */

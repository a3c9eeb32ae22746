/*-------------------------------------------------------------------------
 *
 * recfair.c
 *	  Module entry point: the PostgreSQL module magic and _PG_init, which
 *	  defines the extension's GUCs and reserves the "recfair." prefix.
 *
 * _PG_init must not start BLAS work: when the library is preloaded, it runs
 * in the postmaster, and forked backends would inherit a broken thread pool
 * (DESIGN section 6).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	MarkGUCPrefixReserved("recfair");
}

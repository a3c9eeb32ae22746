/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The differences between the PostgreSQL majors recfair builds against
 *	  (15 to 18), in one place, each behind PG_VERSION_NUM with the release
 *	  that changed it.  Include it after postgres.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_COMPAT_H
#define RECFAIR_COMPAT_H

#include "storage/proc.h"

/* PostgreSQL 16 moved the varlena macros (VARDATA_ANY, ...) out of postgres.h. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* PostgreSQL 16 replaced the per-kind ACL checks with object_aclcheck(). */
#if PG_VERSION_NUM >= 160000
#define NamespaceAclCheck(nsp, role, mode) object_aclcheck(NamespaceRelationId, (nsp), (role), (mode))
#else
#define NamespaceAclCheck(nsp, role, mode) pg_namespace_aclcheck((nsp), (role), (mode))
#endif

/* PostgreSQL 16 gave stringToQualifiedNameList a soft-error context. */
#if PG_VERSION_NUM >= 160000
#define QualifiedNameList(string) stringToQualifiedNameList((string), NULL)
#else
#define QualifiedNameList(string) stringToQualifiedNameList(string)
#endif

/*
 * PostgreSQL 16 added ExecInsertIndexTuples' onlySummarizing argument
 * (false: all indexes, as before).
 */
#if PG_VERSION_NUM >= 160000
#define InsertIndexTuples(rri, slot, estate, update, noDupErr, specConflict, arbiters) \
	ExecInsertIndexTuples((rri), (slot), (estate), (update), (noDupErr), (specConflict), (arbiters), false)
#else
#define InsertIndexTuples(rri, slot, estate, update, noDupErr, specConflict, arbiters) \
	ExecInsertIndexTuples((rri), (slot), (estate), (update), (noDupErr), (specConflict), (arbiters))
#endif

/*
 * PostgreSQL 17 replaced the 1-based BackendId (MyBackendId) with the
 * 0-based ProcNumber (MyProcNumber), and moved the local transaction id into
 * PGPROC.vxid.  MyBackendSlot() stays 1-based.
 */
#if PG_VERSION_NUM >= 170000
#include "storage/procnumber.h"
#define MyBackendSlot() ((int64) MyProcNumber + 1)
#define MyLocalTransactionId() (MyProc->vxid.lxid)
#else
#include "storage/backendid.h"
#define MyBackendSlot() ((int64) MyBackendId)
#define MyLocalTransactionId() (MyProc->lxid)
#endif

/*
 * PostgreSQL 17 added the dynamic shared memory registry
 * (storage/dsm_registry.h, GetNamedDSMSegment): a library can create named
 * shared memory on first use, without shared_preload_libraries.  Before it,
 * shared memory must be requested from _PG_init of a preloaded library
 * (shmem_request_hook, PostgreSQL 15, and shmem_startup_hook).
 */
#if PG_VERSION_NUM >= 170000
#define RECFAIR_HAVE_DSM_REGISTRY 1
#endif

/*
 * PostgreSQL 18 replaced the trailing pg_attribute_noreturn() with a leading
 * pg_noreturn; C11's _Noreturn works on every major.
 */
#define recfair_noreturn _Noreturn

#endif							/* RECFAIR_COMPAT_H */

/*-------------------------------------------------------------------------
 *
 * progress.c
 *	  recfair.training_progress: every running training and evaluation,
 *	  seen from any session, and the recfair.progress_notices setting.
 *
 * The progress lives in shared memory, one slot per backend (MaxBackends
 * slots, indexed by the backend's number, so a backend never searches for
 * one or competes for it).  Each slot has its own spinlock, held only to
 * copy a few fields in or out: the training loop takes it once per
 * iteration, and a reader copies a slot before looking anything up.
 *
 * The slots come from the dynamic shared memory registry on PostgreSQL 17
 * and later (created by the first backend that needs them, preloaded or
 * not); before 17 only from shared memory requested by a library in
 * shared_preload_libraries.  Without them, training runs untracked and the
 * view is empty: never an error.
 *
 * A slot is claimed by ProgressBegin and cleared by ProgressEnd, which
 * ProgressRun also calls from PG_CATCH, so an error, a cancel or a
 * statement_timeout clears it; a backend that exits (FATAL, terminate) clears it from a
 * before_shmem_exit callback.  As a last guard the view shows no slot whose
 * process is not a live backend.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include <math.h>

#include "catalog/pg_authid.h"
#include "commands/dbcommands.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "progress.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/timestamp.h"
#ifdef RECFAIR_HAVE_DSM_REGISTRY
#include "storage/dsm_registry.h"
#endif

#define PROGRESS_MODEL_LEN (NAMEDATALEN * 2)	/* train's limit on a model name */
#define PROGRESS_COLUMNS 11

bool		recfair_progress_notices = false;

typedef struct ProgressSlot
{
	slock_t		mutex;
	int			pid;			/* 0: free */
	Oid			dbid;
	Oid			roleid;			/* the role that started the run */
	ProgressCommand command;
	ProgressPhase phase;
	int			iteration;		/* iterations done */
	int			iterations;		/* iterations asked for */
	double		loss;			/* of the last iteration; NaN before one */
	TimestampTz started_at;
	char		model[PROGRESS_MODEL_LEN];	/* "" until known */
} ProgressSlot;

typedef struct ProgressShared
{
	int			nslots;
	ProgressSlot slots[FLEXIBLE_ARRAY_MEMBER];
} ProgressShared;

/* the slots, once attached (before 17: set in the postmaster, inherited) */
static ProgressShared *progress_shared = NULL;

/* this backend's slot while it is claimed */
static ProgressSlot *my_slot = NULL;

/* nesting of ProgressBegin calls; only the outermost run is tracked */
static int	progress_depth = 0;

static bool exit_callback_registered = false;

#ifndef RECFAIR_HAVE_DSM_REGISTRY
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;
#endif

/* The bytes of the slot array: one slot per backend. */
static Size
ProgressShmemSize(void)
{
	return add_size(offsetof(ProgressShared, slots),
					mul_size((Size) MaxBackends, sizeof(ProgressSlot)));
}

/* Initialize freshly created slots (all free). */
static void
ProgressInitShared(void *ptr)
{
	ProgressShared *shared = (ProgressShared *) ptr;

	shared->nslots = MaxBackends;
	for (int i = 0; i < shared->nslots; i++)
	{
		memset(&shared->slots[i], 0, sizeof(ProgressSlot));
		SpinLockInit(&shared->slots[i].mutex);
	}
}

#ifndef RECFAIR_HAVE_DSM_REGISTRY
/* shmem_request_hook: reserve the slots in the main shared memory. */
static void
ProgressShmemRequestHook(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(ProgressShmemSize());
}

/* shmem_startup_hook: create (or, in an EXEC_BACKEND child, find) the slots. */
static void
ProgressShmemStartupHook(void)
{
	bool		found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	progress_shared = ShmemInitStruct("recfair training progress",
									  ProgressShmemSize(), &found);
	if (!found)
		ProgressInitShared(progress_shared);
	LWLockRelease(AddinShmemInitLock);
}
#endif

/*
 * Called from _PG_init.  Before PostgreSQL 17, a preloaded library requests
 * the slots here; nothing else (no BLAS, no threads: this may run in the
 * postmaster).
 */
void
ProgressInit(void)
{
#ifndef RECFAIR_HAVE_DSM_REGISTRY
	if (!process_shared_preload_libraries_in_progress)
		return;
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = ProgressShmemRequestHook;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = ProgressShmemStartupHook;
#endif
}

/* The slots, attaching to them on first use where that is possible; or NULL. */
static ProgressShared *
ProgressAttach(void)
{
#ifdef RECFAIR_HAVE_DSM_REGISTRY
	if (progress_shared == NULL)
	{
		bool		found;

		progress_shared = GetNamedDSMSegment("recfair_training_progress",
											 ProgressShmemSize(),
											 ProgressInitShared, &found);
	}
#endif
	return progress_shared;
}

/* Free this backend's slot, if it holds one. */
static void
ProgressClear(void)
{
	ProgressSlot *slot = my_slot;

	if (slot == NULL)
		return;
	my_slot = NULL;
	SpinLockAcquire(&slot->mutex);
	slot->pid = 0;
	slot->model[0] = '\0';
	SpinLockRelease(&slot->mutex);
}

/* before_shmem_exit callback: an exiting backend frees its slot. */
static void
ProgressAtExit(int code, Datum arg)
{
	progress_depth = 0;
	ProgressClear();
}

/*
 * Start tracking a run of `command` in this backend's slot.  Call it inside
 * the PG_TRY whose PG_CATCH calls ProgressEnd: the nesting count goes up
 * first, so every Begin is matched by an End even if attaching fails.
 */
static void
ProgressBegin(ProgressCommand command)
{
	ProgressShared *shared;
	ProgressSlot *slot;
	int			index;

	if (progress_depth++ > 0)
		return;
	shared = ProgressAttach();
	if (shared == NULL)
		return;
	index = (int) MyBackendSlot() - 1;
	if (index < 0 || index >= shared->nslots)
		return;
	if (!exit_callback_registered)
	{
		before_shmem_exit(ProgressAtExit, (Datum) 0);
		exit_callback_registered = true;
	}
	slot = &shared->slots[index];
	SpinLockAcquire(&slot->mutex);
	slot->pid = MyProcPid;
	slot->dbid = MyDatabaseId;
	slot->roleid = GetUserId();
	slot->command = command;
	slot->phase = PROGRESS_PHASE_STARTING;
	slot->iteration = 0;
	slot->iterations = 0;
	slot->loss = get_float8_nan();
	slot->started_at = GetCurrentTimestamp();
	slot->model[0] = '\0';
	SpinLockRelease(&slot->mutex);
	my_slot = slot;
}

/* Stop tracking: the outermost End frees the slot. */
static void
ProgressEnd(void)
{
	if (progress_depth == 0)
		return;
	if (--progress_depth > 0)
		return;
	ProgressClear();
}

/* Name the model (validated by the caller) and the iterations asked for. */
void
ProgressSetModel(const char *model, int iterations)
{
	ProgressSlot *slot = my_slot;
	int			len;

	if (slot == NULL || progress_depth != 1)
		return;
	len = pg_mbcliplen(model, strlen(model), PROGRESS_MODEL_LEN - 1);
	SpinLockAcquire(&slot->mutex);
	memcpy(slot->model, model, len);
	slot->model[len] = '\0';
	slot->iterations = iterations;
	SpinLockRelease(&slot->mutex);
}

/* Enter a phase: reading, training, writing or evaluating. */
void
ProgressSetPhase(ProgressPhase phase)
{
	ProgressSlot *slot = my_slot;

	if (slot == NULL || progress_depth != 1)
		return;
	SpinLockAcquire(&slot->mutex);
	slot->phase = phase;
	SpinLockRelease(&slot->mutex);
}

/* An iteration finished with this loss (the hot path: one spinlock). */
void
ProgressSetIteration(int iteration, double loss)
{
	ProgressSlot *slot = my_slot;

	if (slot == NULL || progress_depth != 1)
		return;
	SpinLockAcquire(&slot->mutex);
	slot->iteration = iteration;
	slot->loss = loss;
	SpinLockRelease(&slot->mutex);
}

/*
 * Run fn(fcinfo) as a tracked `command`, the slot cleared however fn ends:
 * normally, or by an error, a cancel or a statement_timeout (PG_CATCH
 * rather than PG_FINALLY, which gcc's -Wclobbered rejects).
 */
Datum
ProgressRun(ProgressCommand command, Datum (*fn) (FunctionCallInfo fcinfo),
			FunctionCallInfo fcinfo)
{
	Datum		result;

	PG_TRY();
	{
		ProgressBegin(command);
		result = fn(fcinfo);
	}
	PG_CATCH();
	{
		ProgressEnd();
		PG_RE_THROW();
	}
	PG_END_TRY();
	ProgressEnd();
	return result;
}

/* The name of a phase, as the view shows it. */
static const char *
PhaseName(ProgressPhase phase)
{
	switch (phase)
	{
		case PROGRESS_PHASE_STARTING:
			return "starting";
		case PROGRESS_PHASE_READING:
			return "reading";
		case PROGRESS_PHASE_TRAINING:
			return "training";
		case PROGRESS_PHASE_WRITING:
			return "writing";
		case PROGRESS_PHASE_EVALUATING:
			return "evaluating";
	}
	return "unknown";
}

/*
 * recfair.training_progress_info(): a row per running training or
 * evaluation in any session of the cluster.  Like pg_stat_activity, the
 * model, phase, iterations and loss of another role's run show only to
 * members of that role and of pg_read_all_stats; others see that it runs.
 */
PG_FUNCTION_INFO_V1(recfair_training_progress_info);
Datum
recfair_training_progress_info(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ProgressShared *shared;
	TimestampTz now;
	bool		read_all;

	InitMaterializedSRF(fcinfo, 0);
	shared = ProgressAttach();
	if (shared == NULL)
		return (Datum) 0;
	now = GetCurrentTimestamp();
	read_all = has_privs_of_role(GetUserId(), ROLE_PG_READ_ALL_STATS);
	for (int i = 0; i < shared->nslots; i++)
	{
		ProgressSlot *slot = &shared->slots[i];
		ProgressSlot copy;
		Datum		values[PROGRESS_COLUMNS];
		bool		nulls[PROGRESS_COLUMNS];
		char	   *name;
		bool		visible;

		SpinLockAcquire(&slot->mutex);
		memcpy(&copy, slot, sizeof(ProgressSlot));
		SpinLockRelease(&slot->mutex);
		if (copy.pid == 0 || BackendPidGetProc(copy.pid) == NULL)
			continue;
		visible = read_all || has_privs_of_role(GetUserId(), copy.roleid);

		memset(nulls, 0, sizeof(nulls));
		values[0] = Int32GetDatum(copy.pid);
		name = get_database_name(copy.dbid);
		if (name)
			values[1] = DirectFunctionCall1(namein, CStringGetDatum(name));
		else
			nulls[1] = true;
		name = GetUserNameFromId(copy.roleid, true);
		if (name)
			values[2] = DirectFunctionCall1(namein, CStringGetDatum(name));
		else
			nulls[2] = true;
		values[3] = CStringGetTextDatum(copy.command == PROGRESS_COMMAND_TRAIN ? "train" : "evaluate");
		copy.model[PROGRESS_MODEL_LEN - 1] = '\0';
		if (visible && copy.model[0] != '\0')
			values[4] = CStringGetTextDatum(copy.model);
		else
			nulls[4] = true;
		if (visible)
			values[5] = CStringGetTextDatum(PhaseName(copy.phase));
		else
			nulls[5] = true;
		if (visible && copy.command == PROGRESS_COMMAND_TRAIN)
		{
			values[6] = Int32GetDatum(copy.iteration);
			values[7] = Int32GetDatum(copy.iterations);
		}
		else
			nulls[6] = nulls[7] = true;
		if (visible && !isnan(copy.loss))
			values[8] = Float8GetDatum(copy.loss);
		else
			nulls[8] = true;
		values[9] = TimestampTzGetDatum(copy.started_at);
		values[10] = Float8GetDatum((double) (now - copy.started_at) / USECS_PER_SEC);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

double
SecondsSince(instr_time start)
{
	instr_time	now;

	INSTR_TIME_SET_CURRENT(now);
	INSTR_TIME_SUBTRACT(now, start);
	return INSTR_TIME_GET_DOUBLE(now);
}

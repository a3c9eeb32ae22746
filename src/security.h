/*-------------------------------------------------------------------------
 *
 * security.h
 *	  Who may do what with a model, and whose rights recfair's own queries
 *	  run with (src/security.c; docs/security.md).
 *
 *-------------------------------------------------------------------------
 */
#ifndef RECFAIR_SECURITY_H
#define RECFAIR_SECURITY_H

#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"

/* State saved by BeginRegisteredRead, restored by EndRegisteredRead. */
typedef struct RegisteredRead
{
	Oid			saved_user;
	int			saved_context;
	int			nestlevel;
	bool		as_owner;		/* running as the relation's owner */
} RegisteredRead;

/*
 * Before reading columns of a table or view that a model names (its
 * registered item or user table): check the caller may read them, then run
 * as the caller if the relation's owner already holds every right of the
 * caller, else as the owner in a security-restricted context.
 */
extern void BeginRegisteredRead(Oid relid, AttrNumber key, AttrNumber column,
								const char *model, const char *kind, RegisteredRead *state);
extern void EndRegisteredRead(RegisteredRead *state);

/*
 * Before a call that writes a model: not in a read-only transaction, the
 * privileges on recfair's tables that the writes need, then the model's
 * lock (LockModelName), and (when the model exists) ownership as of now.
 * `action` names the call in messages ("train").  Returns whether the
 * model exists; *owner_out (if given) gets its owner, or NULL.
 */
extern bool CheckModelWritable(const char *model, const char *action, bool need_factor_tables,
							   char **owner_out);


/*
 * Error (42501) unless the caller holds every privilege of `mode` (named
 * `mode_name` in the message) on recfair.`table`; `action` names the call.
 */
extern void CheckTablePrivilege(const char *table, AclMode mode, const char *mode_name, const char *action);

/* Whether recfair.models records owners (the 0.5.0 scripts have run). */
extern bool ModelsHaveOwners(void);

/* The current role's name, which a new model records as its owner. */
extern char *CurrentRoleName(void);

#endif

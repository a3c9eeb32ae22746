/*-------------------------------------------------------------------------
 *
 * security.c
 *	  Who may do what with a model, and whose rights recfair's own queries
 *	  run with.  docs/security.md states the model; in short:
 *
 *	  - A model belongs to the role that first trained it (models.owner).
 *	    Only that role, a role with its privileges, or a superuser may
 *	    retrain, drop or re-register it.  Serving needs only SELECT.
 *	  - Calls that write check the transaction, the table privileges and
 *	    ownership before they read or compute anything.
 *	  - A model's registered item and user tables were chosen by the
 *	    model's trainer, not by the caller who serves it, so reading them
 *	    must not run their owner's code (a view's functions, a policy) with
 *	    the caller's rights, nor show the caller what only the owner may
 *	    see.  They are read by a query that calls nothing (fair.c), with
 *	    the caller's rights when the owner already holds them or the
 *	    relation is a table whose row security does not apply to the
 *	    caller; a view or foreign table of another role is read as its
 *	    owner, in a security-restricted operation (the way PostgreSQL runs
 *	    index expressions during VACUUM and ANALYZE), only by a caller who
 *	    holds the owner's rights, and refused to anyone else.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "model_store.h"
#include "security.h"
#include "tcop/utility.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

/* The search_path recfair's own queries run under where they may meet others' code. */
#define SAFE_SEARCH_PATH "pg_catalog, pg_temp"

static Oid
RelationOwner(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid			owner;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

static char *
QualifiedRelationName(Oid relid)
{
	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
									  get_rel_name(relid));
}

static void
CheckColumnReadable(Oid relid, AttrNumber attnum, const char *model, const char *kind)
{
	/* the table's privilege, else the column's (which alone counts only column grants) */
	if (pg_class_aclcheck(relid, GetUserId(), ACL_SELECT) == ACLCHECK_OK ||
		pg_attribute_aclcheck(relid, attnum, GetUserId(), ACL_SELECT) == ACLCHECK_OK)
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied for table %s", QualifiedRelationName(relid)),
			 errdetail("It is the %s table of model \"%s\", and recfair reads its column \"%s\" with your privileges.",
					   kind, model, get_attname(relid, attnum, false)),
			 errhint("GRANT SELECT ON %s TO %s; or, as its owner or a superuser, SELECT recfair.grant_serving(%s) grants all that serving needs.",
					 QualifiedRelationName(relid), quote_identifier(GetUserNameFromId(GetUserId(), false)),
					 quote_literal_cstr(GetUserNameFromId(GetUserId(), false)))));
}

void
BeginRegisteredRead(Oid relid, AttrNumber key, AttrNumber column,
					const char *model, const char *kind, RegisteredRead *state)
{
	Oid			caller = GetUserId();
	Oid			owner = RelationOwner(relid);
	char		relkind = get_rel_relkind(relid);
	bool		stored = relkind == RELKIND_RELATION || relkind == RELKIND_PARTITIONED_TABLE ||
		relkind == RELKIND_MATVIEW;

	CheckColumnReadable(relid, key, model, kind);
	CheckColumnReadable(relid, column, model, kind);
	GetUserIdAndSecContext(&state->saved_user, &state->saved_context);
	state->as_owner = false;

	/*
	 * The owner holds every right of the caller (the caller's own relation,
	 * a superuser's): its code gains nothing by running as the caller.
	 */
	if (has_privs_of_role(owner, caller))
		;
	/* a stored relation read without casts runs nothing of its owner's but policies */
	else if (stored)
	{
		if (check_enable_rls(relid, InvalidOid, true) == RLS_ENABLED)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("row security of table %s applies to you", QualifiedRelationName(relid)),
					 errdetail("It is the %s table of model \"%s\". recfair does not run the policies of its owner \"%s\" with your rights, nor read the table without them.",
							   kind, model, GetUserNameFromId(owner, false)),
					 errhint("Register a table or view that the role \"%s\" owns, or one owned by a superuser.",
							 GetUserNameFromId(caller, false))));
	}

	/*
	 * A view or foreign table runs its owner's code.  As the owner, only for
	 * a caller who holds the owner's rights (a superuser): anyone else would
	 * see what the owner sees (its row security, its user mappings, its
	 * current_user).
	 */
	else if (has_privs_of_role(caller, owner))
		state->as_owner = true;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("cannot read %s, a view or foreign table of role \"%s\"",
						QualifiedRelationName(relid), GetUserNameFromId(owner, false)),
				 errdetail("It is the %s table of model \"%s\". Read with your rights, its code would run as you; "
						   "read with its owner's, you would see what the owner sees.", kind, model),
				 errhint("Register a table, or a view that the role \"%s\" owns.",
						 GetUserNameFromId(caller, false))));

	state->nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", SAFE_SEARCH_PATH, PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	if (state->as_owner)
		SetUserIdAndSecContext(owner, state->saved_context | SECURITY_LOCAL_USERID_CHANGE |
							   SECURITY_RESTRICTED_OPERATION);
}

void
EndRegisteredRead(RegisteredRead *state)
{
	/* on error, transaction abort restores both */
	if (state->as_owner)
		SetUserIdAndSecContext(state->saved_user, state->saved_context);
	AtEOXact_GUC(false, state->nestlevel);
}

char *
CurrentRoleName(void)
{
	return GetUserNameFromId(GetUserId(), false);
}

/* Error unless the caller may manage (retrain, drop, re-register) the model. */
static void
CheckModelOwner(const char *model, const char *owner)
{
	Oid			owner_oid = owner ? get_role_oid(owner, true) : InvalidOid;

	if (superuser())
		return;
	if (OidIsValid(owner_oid) && has_privs_of_role(GetUserId(), owner_oid))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("must be owner of model \"%s\"", model),
			 owner ? errdetail("Model \"%s\" belongs to role \"%s\".", model, owner) :
			 errdetail("Model \"%s\" has no owner; only a superuser may change it.", model),
			 errhint("Only the model's owner, a member of that role or a superuser may retrain, drop or re-register it.")));
}

void
CheckTablePrivilege(const char *table, AclMode mode, const char *mode_name, const char *action)
{
	Oid			relid = RecfairTableOid(table);

	if (!OidIsValid(relid))
		elog(ERROR, "recfair's table recfair.%s is missing", table);
	/* pg_class_aclcheck passes if any one of the modes is held: check each */
	for (AclMode bit = 1; bit != 0 && bit <= mode; bit <<= 1)
	{
		if ((mode & bit) == 0 || pg_class_aclcheck(relid, GetUserId(), bit) == ACLCHECK_OK)
			continue;
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table recfair.%s", table),
				 errdetail("%s() needs %s on it, and checks before it does any work.", action, mode_name),
				 errhint("A role that trains models needs SELECT, INSERT, UPDATE and DELETE on recfair.models, "
						 "recfair.user_factors and recfair.item_factors (docs/security.md).")));
	}
}

/* The model's version and owner as a snapshot sees them; false if it sees no model. */
static bool
ReadModelRow(SPIPlanPtr plan, const char *model, Snapshot snapshot, int64 *version, char **owner)
{
	Datum		values[1] = {CStringGetTextDatum(model)};
	int			rc = snapshot ?
		SPI_execute_snapshot(plan, values, NULL, snapshot, InvalidSnapshot, true, false, 1) :
		SPI_execute_plan(plan, values, NULL, true, 1);
	bool		isnull;

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
		return false;
	*version = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	*owner = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2);
	return true;
}

bool
CheckModelWritable(const char *model, const char *action, bool need_factor_tables, char **owner_out)
{
	Oid			types[1] = {TEXTOID};
	bool		owners = ModelsHaveOwners();
	SPIPlanPtr	plan;
	bool		exists;
	int64		version = 0;
	char	   *owner = NULL;

	PreventCommandIfReadOnly(psprintf("%s()", action));
	PreventCommandIfParallelMode(psprintf("%s()", action));
	CheckTablePrivilege("models", ACL_SELECT | ACL_INSERT | ACL_UPDATE | ACL_DELETE,
						"SELECT, INSERT, UPDATE and DELETE", action);
	if (need_factor_tables)
	{
		CheckTablePrivilege("user_factors", ACL_SELECT | ACL_INSERT | ACL_DELETE,
							"SELECT, INSERT and DELETE", action);
		CheckTablePrivilege("item_factors", ACL_SELECT | ACL_INSERT | ACL_DELETE,
							"SELECT, INSERT and DELETE", action);
	}
	/* one writer of a model at a time; then nobody else can create or change it */
	LockModelName(model);

	/*
	 * The model as of now, not as of the statement's snapshot: under READ
	 * COMMITTED that may predate another role's first training of the
	 * model (committed while we waited for the lock, or before a cursor
	 * over this call was fetched).  Before the 0.5.0 scripts (ALTER
	 * EXTENSION recfair UPDATE) models have no owner.
	 */
	plan = SPI_prepare(owners ?
					   "SELECT version, owner FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1" :
					   "SELECT version, NULL::pg_catalog.name FROM recfair.models WHERE name OPERATOR(pg_catalog.=) $1",
					   1, types);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	exists = ReadModelRow(plan, model, GetLatestSnapshot(), &version, &owner);

	/*
	 * Under REPEATABLE READ or SERIALIZABLE the transaction's snapshot may
	 * predate a change of this model that committed since: writing would
	 * then fail on a key of rows it cannot see.  Say so before the work,
	 * with the SQLSTATE that tells clients to retry.
	 */
	if (IsolationUsesXactSnapshot())
	{
		int64		seen_version = 0;
		char	   *seen_owner;
		bool		seen = ReadModelRow(plan, model, NULL, &seen_version, &seen_owner);

		if (seen != exists || seen_version != version)
			ereport(ERROR,
					(errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
					 errmsg("could not serialize access due to a concurrent change of model \"%s\"", model),
					 errdetail("Another transaction trained, registered or dropped the model after this transaction's snapshot was taken."),
					 errhint("Retry the transaction.")));
	}
	SPI_freeplan(plan);
	if (owner_out)
		*owner_out = NULL;
	if (!exists)
		return false;
	if (owners)
	{
		CheckModelOwner(model, owner);
		if (owner_out)
			*owner_out = owner;
	}
	return true;
}

bool
ModelsHaveOwners(void)
{
	Oid			relid = RecfairTableOid("models");

	return OidIsValid(relid) && get_attnum(relid, "owner") != InvalidAttrNumber;
}

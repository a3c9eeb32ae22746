/*-------------------------------------------------------------------------
 *
 * ceilings.c
 *	  Resource ceilings that only a superuser can raise.
 *
 * recfair.training_memory_limit is a user setting: any role may lower it,
 * and raise it, but only up to recfair.max_training_memory, which only a
 * superuser (or a role granted SET on it) can change.  The effective limit
 * is the lower of the two, so a role that touches neither gets the same
 * 2GB as before the ceiling existed.  The error says which of the two
 * applied and who can raise it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "ceilings.h"
#include "interactions.h"

int			recfair_max_training_memory_kb = 2 * 1024 * 1024;

Size
TrainingMemoryLimit(void)
{
	return (Size) Min(recfair_training_memory_limit_kb, recfair_max_training_memory_kb) * 1024;
}

void
TrainingMemoryExceeded(Size needed, const char *what)
{
	Size		needed_mb = needed / (1024 * 1024) + 1;
	Size		suggest_mb = needed_mb * 5 / 4 + 1;
	int			user_mb = recfair_training_memory_limit_kb / 1024;
	int			max_mb = recfair_max_training_memory_kb / 1024;

	if (recfair_max_training_memory_kb < recfair_training_memory_limit_kb)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("training needs at least %zu MB of memory, more than recfair.max_training_memory (%d MB)",
						needed_mb, max_mb),
				 errdetail("Allocating %s. recfair.training_memory_limit (%d MB) is capped by recfair.max_training_memory.",
						   what, user_mb),
				 errhint("Only a superuser can raise recfair.max_training_memory, for example ALTER ROLE ... SET recfair.max_training_memory = '%zuMB'.",
						 suggest_mb)));
	if ((Size) recfair_max_training_memory_kb * 1024 < needed)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("training needs at least %zu MB of memory, more than recfair.training_memory_limit (%d MB)",
						needed_mb, user_mb),
				 errdetail("Allocating %s.", what),
				 errhint("recfair.max_training_memory (%d MB) caps the limit, and only a superuser can raise it, for example ALTER ROLE ... SET recfair.max_training_memory = '%zuMB'.",
						 max_mb, suggest_mb)));
	ereport(ERROR,
			(errcode(ERRCODE_OUT_OF_MEMORY),
			 errmsg("training needs at least %zu MB of memory, more than recfair.training_memory_limit (%d MB)",
					needed_mb, user_mb),
			 errdetail("Allocating %s.", what),
			 errhint("Raise the limit, for example SET recfair.training_memory_limit = '%zuMB'.",
					 Min(suggest_mb, (Size) max_mb))));
}

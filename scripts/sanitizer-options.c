/*-------------------------------------------------------------------------
 *
 * sanitizer-options.c
 *	  Linked into recfair.so only by `scripts/test.sh --sanitize`: the
 *	  AddressSanitizer options of the instrumented build.
 *
 * The runtime reads ASAN_OPTIONS from /proc/self/environ, which a backend
 * has overwritten with its process title by the time it loads recfair.so,
 * so the options are compiled in.  The runtime comes in with recfair.so
 * (PostgreSQL is not instrumented, and preloading the runtime hangs Debian's
 * postgres at startup), hence verify_asan_link_order=0.  Leaks are not
 * errors: memory contexts free in bulk.
 *
 *-------------------------------------------------------------------------
 */
extern const char *__asan_default_options(void);
extern const char *__ubsan_default_options(void);

const char *
__asan_default_options(void)
{
	return "verify_asan_link_order=0:detect_leaks=0:abort_on_error=1";
}

const char *
__ubsan_default_options(void)
{
	return "print_stacktrace=1:halt_on_error=1";
}

/*
 * PostgreSQL reports an error by siglongjmp back to a sigsetjmp in its own
 * (uninstrumented) code.  With the runtime loaded late, that siglongjmp is
 * not intercepted, so the redzones of recfair's frames that it skipped stay
 * poisoned, and a later call whose uninstrumented frames reuse that stack
 * (InputFunctionCall's arguments, say) reads as a stack overflow.  After
 * each (sub)transaction abort, unpoison the whole stack.
 */
#include "postgres.h"

#include <pthread.h>

#include "access/xact.h"

extern void __asan_unpoison_memory_region(void const volatile *addr, size_t size);

static char *stack_low = NULL;
static char *stack_high = NULL;

static void
UnpoisonDeadStack(void)
{
	if (stack_low == NULL)
	{
		pthread_attr_t attr;
		void	   *addr;
		size_t		size;

		if (pthread_getattr_np(pthread_self(), &attr) != 0)
			return;
		pthread_attr_getstack(&attr, &addr, &size);
		pthread_attr_destroy(&attr);
		stack_low = (char *) addr;
		stack_high = stack_low + size;
	}

	/*
	 * The whole stack: stale redzones may lie anywhere below the sigsetjmp
	 * frame, including where the abort's own (uninstrumented) frames run
	 * now, and the only instrumented frames live here are these callbacks,
	 * which have no redzones to lose.
	 */
	__asan_unpoison_memory_region(stack_low, (size_t) (stack_high - stack_low));
}

static void
UnpoisonOnAbort(XactEvent event, void *arg)
{
	if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PARALLEL_ABORT)
		UnpoisonDeadStack();
}

static void
UnpoisonOnSubAbort(SubXactEvent event, SubTransactionId mySubid, SubTransactionId parentSubid, void *arg)
{
	if (event == SUBXACT_EVENT_ABORT_SUB)
		UnpoisonDeadStack();
}

static void __attribute__((constructor))
RegisterUnpoisoning(void)
{
	RegisterXactCallback(UnpoisonOnAbort, NULL);
	RegisterSubXactCallback(UnpoisonOnSubAbort, NULL);
}

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

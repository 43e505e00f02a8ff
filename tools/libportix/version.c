/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* version.c - the library's version (portix/version.h).  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <portix/version.h>

const char *portix_version(void)
{
	return PORTIX_VERSION_STRING;
}

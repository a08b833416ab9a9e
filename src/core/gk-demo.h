#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Fills a database freshly made from the jinzhong-2020 template with a
 * plausible organization (three general branches with their branches and
 * colleges), fictional people holding every role, about sixty notices in
 * every state and level with histories dated over the twelve months before
 * TODAY, and a few applications. Every step goes through the workflow, so
 * it is in the history and the audit log. The same TODAY gives the same
 * data. Not all or nothing: on failure the caller discards the file. */
gboolean gk_demo_populate (GkDatabase  *db,
                           GDateTime   *today,
                           GError     **error);

G_END_DECLS

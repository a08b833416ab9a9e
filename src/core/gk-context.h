#pragma once

#include <glib-object.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_CONTEXT (gk_context_get_type ())
G_DECLARE_FINAL_TYPE (GkContext, gk_context, GK, CONTEXT, GObject)

/* What the widgets are handed: the open database and, as issues land,
 * the current person. Widgets never reach past it to SQLite. */
GkContext  *gk_context_new          (GkDatabase *database);
GkDatabase *gk_context_get_database (GkContext  *self);

G_END_DECLS

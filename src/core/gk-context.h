#pragma once

#include <glib-object.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

#define GK_TYPE_CONTEXT (gk_context_get_type ())
G_DECLARE_FINAL_TYPE (GkContext, gk_context, GK, CONTEXT, GObject)

/* What the widgets are handed: the open database and the current person.
 * Widgets never reach past it to SQLite. */
GkContext  *gk_context_new            (GkDatabase *database);
GkDatabase *gk_context_get_database   (GkContext  *self);
/* Who uses the window (0: nobody chosen yet), "person-id"; every change
 * made through the database is recorded in their name (its actor). */
gint64      gk_context_get_person_id  (GkContext  *self);
void        gk_context_set_person_id  (GkContext  *self,
                                       gint64      person_id);
/* Emits "data-changed": the file was changed, by another desktop or by a
 * window of this one, and what is shown of it should be read again. */
void        gk_context_data_changed   (GkContext  *self);

G_END_DECLS

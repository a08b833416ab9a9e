#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* The short lists the forms offer — audiences, methods, people,
 * organizations — read in core so that widgets never run SQL. */

typedef struct
{
  gint64  id;
  char   *name;
  char   *detail;   /* what the list is about: an audience's class, a
                       method's channel, a person's title, an
                       organization's full name */
  char  **roles;    /* people only: "principal@组织部" …, NULL-terminated */
} GkChoice;

void       gk_choice_free                (GkChoice   *choice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkChoice, gk_choice_free)

/* The rows of SQL, (id, name, detail), as GkChoice; ?1 is bound to ID when
 * the query has it. */
GPtrArray *gk_choices_query              (GkDatabase  *db,
                                          const char  *sql,
                                          gint64       id,
                                          GError     **error);

/* Active audiences in vocabulary order; detail is the class of 第七条. */
GPtrArray *gk_choices_audiences          (GkDatabase *db,
                                          GError    **error);
/* The methods of 第十四条 in order; detail is internal or external. */
GPtrArray *gk_choices_methods            (GkDatabase *db,
                                          GError    **error);
/* Active people by name; detail is the title, roles are filled. */
GPtrArray *gk_choices_people             (GkDatabase *db,
                                          GError    **error);
/* The organizations PERSON may propose a plan for (the rule of
 * gk_workflow_create); name is the short name, detail the full name. */
GPtrArray *gk_choices_proposable_organizations (GkDatabase *db,
                                                gint64      person_id,
                                                GError    **error);

/* Ids (gint64) in display order. */
GArray    *gk_choices_notice_audiences   (GkDatabase *db,
                                          gint64      notice_id);
GArray    *gk_choices_notice_methods     (GkDatabase *db,
                                          gint64      notice_id);
GArray    *gk_choices_item_audiences     (GkDatabase *db,
                                          gint64      item_id);

G_END_DECLS

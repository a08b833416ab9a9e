#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Organizations, people, roles and audiences: the vocabulary every other
 * record refers to. Names given by a user are resolved by name, short name
 * or numeric id. */

gboolean gk_org_kind_is_valid   (const char *kind);
gboolean gk_role_is_valid       (const char *role);
/* "principal" → "principal" in the reader's language (主要负责同志) */
const char *gk_role_describe    (const char *role);
gboolean gk_audience_class_is_valid (const char *klass);

gint64   gk_directory_add_organization (GkDatabase  *db,
                                        const char  *name,
                                        const char  *short_name,
                                        const char  *kind,
                                        gint64       parent_id,
                                        GError     **error);
gint64   gk_directory_find_organization (GkDatabase *db,
                                         const char *name_or_id,
                                         GError    **error);
char    *gk_directory_get_organization_name (GkDatabase *db,
                                             gint64      id);

gint64   gk_directory_add_person       (GkDatabase  *db,
                                        const char  *name,
                                        const char  *title,
                                        const char  *login,
                                        GError     **error);
gint64   gk_directory_find_person      (GkDatabase  *db,
                                        const char  *name_or_id,
                                        GError     **error);
gboolean gk_directory_add_role         (GkDatabase  *db,
                                        gint64       person_id,
                                        gint64       organization_id,
                                        const char  *role,
                                        GError     **error);
gboolean gk_directory_add_oversight    (GkDatabase  *db,
                                        gint64       person_id,
                                        gint64       organization_id,
                                        GError     **error);

gint64   gk_directory_add_audience     (GkDatabase  *db,
                                        const char  *name,
                                        const char  *klass,
                                        GError     **error);
gint64   gk_directory_find_audience    (GkDatabase  *db,
                                        const char  *name_or_id,
                                        GError     **error);

/* 会议, 公开栏 … (第十四条) */
gint64   gk_directory_find_method      (GkDatabase  *db,
                                        const char  *name_or_id,
                                        GError     **error);

G_END_DECLS

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
/* Every valid role, in the order a form offers them; NULL-terminated. */
const char * const *gk_role_list (void);
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

/* Whether PERSON_ID, an active person, holds ROLE (NULL: any role) in
 * ORGANIZATION_ID (0: in any organization): the question behind each
 * "who may" of core. */
gboolean gk_directory_has_role          (GkDatabase  *db,
                                         gint64       person_id,
                                         gint64       organization_id,
                                         const char  *role);

/* Changing people from the desktop: only party office or an
 * administrator may (person_has_role on ACTOR_ID). Each function below sets
 * ACTOR_ID as the database's actor and runs one gk_database_write() of its
 * own (nested when the caller is already writing) with its audit event;
 * anyone else is refused with GK_CORE_ERROR_INVALID and a clear message. */
gboolean gk_directory_may_manage_people (GkDatabase  *db,
                                         gint64       actor_id);
gint64   gk_directory_manage_add_person (GkDatabase  *db,
                                         gint64       actor_id,
                                         const char  *name,
                                         const char  *title,
                                         const char  *login,
                                         GError     **error);
gboolean gk_directory_manage_add_role   (GkDatabase  *db,
                                         gint64       actor_id,
                                         gint64       person_id,
                                         gint64       organization_id,
                                         const char  *role,
                                         GError     **error);
gboolean gk_directory_manage_add_oversight (GkDatabase  *db,
                                            gint64       actor_id,
                                            gint64       person_id,
                                            gint64       organization_id,
                                            GError     **error);
/* Whether any active person may manage people (party office or an
 * administrator). */
gboolean gk_directory_has_manager       (GkDatabase  *db);
/* The first run of a new database: adds NAME as party office of
 * ORGANIZATION_ID, the new person the actor of the role's audit event, in
 * one write. Refused with GK_CORE_ERROR_INVALID once anyone may manage
 * people: from then on they add the others. */
gint64   gk_directory_add_first_manager (GkDatabase  *db,
                                         const char  *name,
                                         const char  *title,
                                         const char  *login,
                                         gint64       organization_id,
                                         GError     **error);
/* NOT_FOUND when the person does not hold that role / oversight. */
gboolean gk_directory_remove_role      (GkDatabase  *db,
                                        gint64       actor_id,
                                        gint64       person_id,
                                        gint64       organization_id,
                                        const char  *role,
                                        GError     **error);
gboolean gk_directory_remove_oversight (GkDatabase  *db,
                                        gint64       actor_id,
                                        gint64       person_id,
                                        gint64       organization_id,
                                        GError     **error);

/* A person's roles as GkChoice (gk-choices.h): id the organization's id,
 * name its short name, detail the role ("principal"); by organization,
 * then role. */
GPtrArray *gk_directory_list_roles     (GkDatabase  *db,
                                        gint64       person_id,
                                        GError     **error);
/* The organizations a leader oversees as GkChoice: id, name the short
 * name, detail the full name; by id. */
GPtrArray *gk_directory_list_oversight (GkDatabase  *db,
                                        gint64       person_id,
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

#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* What must hold in a database after any crash or failed write: the file
 * passes integrity_check, the audit chain verifies, and no notice carries
 * a half-applied transition. Fails the test, naming what broke. */
void   gk_test_assert_invariants     (GkDatabase *db);

/* The same, on a new connection to PATH (which recovers a hot journal
 * left by a killed writer, as the next program to open the file would). */
void   gk_test_assert_file_invariants (const char *path);

/* A database from the jinzhong-2020 template at PATH with one branch per
 * writer: writer I (0-based) acts as "member I" and "secretary I" of
 * "branch I". */
void   gk_test_make_branches         (const char *path,
                                      guint       n_writers);

/* Takes notice ID of writer I one step along the branch route
 * (create → submit → review → approve → publish); ID 0 creates one and
 * sets ID. Returns the state reached. */
const char *gk_test_branch_step      (GkDatabase  *db,
                                      guint        writer,
                                      gint64      *id,
                                      GError     **error);

G_END_DECLS

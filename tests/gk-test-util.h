#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed at the end of the test. */
char       *gk_test_tmpdir        (void);
/* A path inside a fresh temporary folder; the file does not exist yet. */
char       *gk_test_tmp_path      (const char *name);
/* SHA-256 of a file's bytes, to prove a refused file was not touched. */
char       *gk_test_file_checksum (const char *path);
/* A new database from the jinzhong-2020 template in a temporary folder. */
GkDatabase *gk_test_template_db   (void);
/* One integer from SQL run on a database. */
gint64      gk_test_query_int     (GkDatabase *db,
                                   const char *sql);

G_END_DECLS

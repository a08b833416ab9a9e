#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* `gongkai-cli init DB --demo --scale N`: years of history in one file,
 * for benchmarks and for trying the app at the size users reach.
 *
 * On top of the demo data (made with gk_scale_base_date() as its today),
 * fourteen more colleges, each a general branch with its department and
 * three branches and people in every role (about 100 organizations in
 * all); a catalog for every general branch, 2 000 items in all, some
 * changed over the years with their revisions; and N_NOTICES notices over
 * the ten years before the base date, each with its history (notice
 * events, reviews, decisions, publication stages) and its audit events in
 * one hash chain. Old notices are mostly published; the last two months
 * hold plans in every state, waiting for the demo's people.
 *
 * Deterministic: the same N_NOTICES gives the same rows, whenever it is
 * made. One transaction: all or nothing. */
gboolean   gk_scale_populate  (GkDatabase  *db,
                               guint        n_notices,
                               GError     **error);

/* The fixed day the generated history ends on (2025-06-30). */
GDateTime *gk_scale_base_date (void);

G_END_DECLS

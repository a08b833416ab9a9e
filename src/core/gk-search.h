#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* FTS5's trigram tokenizer matches substrings of three or more characters
 * only; shorter queries (党费, 公示) take a scan instead. */
#define GK_SEARCH_MIN_TRIGRAM_CHARS 3

/* The query as one FTS5 phrase: inside double quotes, quotes doubled, so
 * that operators and punctuation in what the user typed mean nothing. */
char     *gk_search_fts_phrase (const char *query);

/* Whether QUERY (already trimmed) can use the trigram index. */
gboolean  gk_search_use_index  (const char *query);

G_END_DECLS

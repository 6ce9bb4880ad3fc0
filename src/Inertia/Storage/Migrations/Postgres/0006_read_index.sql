-- Every state row now sits in exactly one of two date-ordered indexes: unread (entry_states_unread) or
-- read (this one). The index of all rows it replaces cost every new entry a second scattered write (a
-- first fetch's entries are dated over weeks, so each lands on its own page): a third of the pages that
-- storing a new feed wrote. Lists that show read and unread entries walk both and merge the two runs.
DROP INDEX entry_states_all;
CREATE INDEX entry_states_read ON entry_states (user_id, published_at, entry_id) WHERE is_read;

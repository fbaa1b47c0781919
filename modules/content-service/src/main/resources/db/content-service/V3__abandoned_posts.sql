-- Post ids media-service's claim sweep was told will never be posts (ContentService.ConfirmPosts): media was
-- claimed for them, but no post was written (the create failed after the claim, or its process died). A create
-- still running for such an id fails instead of writing a post whose media was given back, so the answer "no such
-- post" is final. Written and read under the id's advisory lock (db.PostIdStore); only failed creates leave rows,
-- so the table stays small and is never pruned.
CREATE TABLE abandoned_posts (
    id           uuid        PRIMARY KEY,
    abandoned_at timestamptz NOT NULL DEFAULT now()
);

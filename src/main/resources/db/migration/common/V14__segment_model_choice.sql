-- The segment model new reports use (issue 13): one row, set by an administrator on the models page.
-- No row: the open default model (cbs-levensfase). The newest active version of the chosen code is used.
CREATE TABLE segment_model_choice (
    id         INTEGER       NOT NULL PRIMARY KEY,
    code       VARCHAR(60)   NOT NULL,
    chosen_by  VARCHAR(254)  NOT NULL,
    chosen_at  TIMESTAMP     NOT NULL
);

-- reader (issue 11 finding 3): when a validation last showed progress, so that one that died or hangs
-- is noticed by the watchdog (Deliveries.giveUpStuckValidations) instead of staying "validating" for ever.
ALTER TABLE delivery ADD COLUMN progress_at TIMESTAMP;

-- An admission (its referral, a ServiceRequest) is released under a consent for assessments, no longer demographics
-- (docs/record-categories.md): a notification queued before is sent, and accounted for, under the new category.
UPDATE subscription_notification SET category = 'ASSESSMENTS'
WHERE status = 'PENDING' AND category = 'DEMOGRAPHICS' AND focus LIKE 'ServiceRequest/%';

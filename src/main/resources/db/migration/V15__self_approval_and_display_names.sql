-- A care plan approved by the person who drafted it (allowed only by the home's setting, for a home with one social
-- worker): the approval says so wherever it is shown.
ALTER TABLE care_plan ADD COLUMN self_approved BOOLEAN DEFAULT FALSE NOT NULL;

-- Every account shows a display name (姓名); one left blank takes its login name, as the screens did until now.
UPDATE account SET display_name = username WHERE TRIM(display_name) = '';

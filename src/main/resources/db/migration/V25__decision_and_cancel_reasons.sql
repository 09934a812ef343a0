-- A rejected payment request keeps the director's reason, shown to whoever asked (issue 28).
ALTER TABLE payment_request ADD COLUMN decision_reason VARCHAR(300);
-- A cancelled open-day booking keeps why it was cancelled.
ALTER TABLE openday_booking ADD COLUMN cancel_reason VARCHAR(300);

-- The built-in allowance standards named a developer's file as their source; they name who published them instead
-- (the standard's own notice is for the home to check and write in when it records the year's standard).
UPDATE allowance_standard SET source = '江苏省民政厅、财政厅公布的2025年孤儿基本生活保障标准（内置示例，请以正式文件核对）'
 WHERE source = 'domain.md' AND region = '江苏省';
UPDATE allowance_standard SET source = '贵州省民政厅、财政厅公布的2025年孤儿基本生活保障标准（内置示例，请以正式文件核对）'
 WHERE source = 'domain.md' AND region = '贵州省';
UPDATE allowance_standard SET source = '湖南省民政厅、财政厅公布的2024年孤儿基本生活保障标准（内置示例，请以正式文件核对）'
 WHERE source = 'domain.md' AND region = '湖南省';
UPDATE allowance_standard SET source = '江西省民政厅、财政厅公布的2024年孤儿和事实无人抚养儿童基本生活保障标准（内置示例，请以正式文件核对）'
 WHERE source = 'domain.md' AND region = '江西省';
UPDATE allowance_standard SET source = '滨州市民政局公布的2024年孤儿和困境儿童基本生活保障标准（内置示例，请以正式文件核对）'
 WHERE source = 'domain.md' AND region = '山东省滨州市';
UPDATE allowance_standard SET source = '晋中市民政局公布的2023年孤儿基本生活保障标准（内置示例，请以正式文件核对）'
 WHERE source = 'domain.md' AND region = '山西省晋中市';

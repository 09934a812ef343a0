-- The finance officer records donations, their uses and the allowance roll (which names the children it pays, from
-- its own module); the register itself (birth dates, household registration, guardianship, status history) is not
-- theirs to read. The first default matrix gave it to them; an administrator can still grant it on 账户与权限.
DELETE FROM role_permission WHERE role = 'FINANCE_OFFICER' AND module = 'RESIDENTS' AND action = 'VIEW';

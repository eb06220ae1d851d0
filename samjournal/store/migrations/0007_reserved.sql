-- Number 0007 is another change's (issue 13, branch merkle); this empty step keeps the numbers
-- without gaps on a branch that has only 0008. At merge, that change's 0007 replaces this file.
SELECT 1;

create table fw_items (
  id number(10) primary key,
  name varchar2(40) not null,
  price number(10,2)
);

insert into items (name, price) values ('pencil', 0.80);
insert into items (name, price) values ('notebook', 3.50)

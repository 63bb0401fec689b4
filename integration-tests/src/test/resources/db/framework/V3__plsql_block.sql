begin
  insert into fw_items (id, name, price) values (3, 'gamma', 1);
  update fw_items set price = price * 2 where id = 3;
end;
/
